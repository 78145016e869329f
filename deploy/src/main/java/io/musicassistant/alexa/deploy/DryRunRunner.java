package io.musicassistant.alexa.deploy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs nothing that needs an account: each command "prints" its {@link Command#dryRunOutput()}, so
 * the placeholders in it reach the later commands where real ids would. With {@code --synth} the
 * local commands (the build, {@code cdk synth}) are handed to the real runner.
 */
final class DryRunRunner implements Runner {

    static final String REFRESH_TOKEN = "<refresh token from the sign-in>";

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

    /** Shows the page a real run would ask the developer to open, and answers with a stand-in token (masked when shown). */
    @Override
    public Secret authorize(LwaLogin.Grant grant, Consumer<URI> show) {
        show.accept(grant.authorizeUrl(LwaLogin.AUTHORIZE));
        return new Secret(REFRESH_TOKEN);
    }

    /** As if the secret held only the stack's placeholder, so that the dry run shows the whole authorization. */
    @Override
    public Optional<String> readSecret(SecretsManagerStore.Target target) {
        return Optional.empty();
    }

    @Override
    public void writeSecret(SecretsManagerStore.Target target, Secret value) {
        // nothing leaves the machine in a dry run
    }

    boolean runsLocalCommands() {
        return local != null;
    }
}
