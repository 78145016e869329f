package io.musicassistant.alexa.deploy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs the deployment's child processes and what it does itself rather than through a CLI: the
 * skill package upload to the presigned URL SMAPI hands out, the developer's Login-with-Amazon
 * consent for the catalog build, and the stack's SMAPI secret. Real: {@link ProcessRunner}; dry run:
 * {@link DryRunRunner}; tests: a recording runner with canned CLI output.
 */
interface Runner {

    Result run(Command command) throws IOException;

    void upload(String url, Path file) throws IOException;

    /**
     * The authorization-code grant ({@link LwaLogin}): shows the page to open, waits for the
     * developer's consent, returns the refresh token.
     */
    Secret authorize(LwaLogin.Grant grant, Consumer<URI> show) throws IOException;

    /** A secret's current value, empty when it has none. */
    Optional<String> readSecret(SecretsManagerStore.Target target) throws IOException;

    void writeSecret(SecretsManagerStore.Target target, Secret value) throws IOException;

    /**
     * How a child ended.
     *
     * @param exitCode its exit code
     * @param stdout all it printed on stdout (for parsing; never printed as such)
     * @param tail its last lines of output, redacted, for a failure report
     */
    record Result(int exitCode, String stdout, List<String> tail) {

        public Result {
            tail = List.copyOf(tail);
        }

        public boolean ok() {
            return exitCode == 0;
        }
    }
}
