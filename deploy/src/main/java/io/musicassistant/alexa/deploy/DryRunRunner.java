package io.musicassistant.alexa.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs nothing that needs an account: each command "prints" its {@link Command#dryRunOutput()}, so
 * the placeholders in it reach the later commands where real ids would. With {@code --synth} the
 * local commands (the build, {@code cdk synth}) are handed to the real runner.
 */
final class DryRunRunner implements Runner {

    private final Runner local;

    /** @param local runs the commands marked local, or null to run none */
    DryRunRunner(Runner local) {
        this.local = local;
    }

    @Override
    public Result run(Command command) throws IOException {
        if (command.local() && local != null) {
            return local.run(command);
        }
        return new Result(0, command.dryRunOutput() == null ? "" : command.dryRunOutput(), List.of());
    }

    @Override
    public void upload(String url, Path file) {
        // nothing leaves the machine in a dry run
    }

    boolean runsLocalCommands() {
        return local != null;
    }
}
