package io.musicassistant.alexa.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the deployment's child processes and its one HTTP call (the skill package upload to the
 * presigned URL SMAPI hands out). Real: {@link ProcessRunner}; dry run: {@link DryRunRunner}; tests:
 * a recording runner with canned CLI output.
 */
interface Runner {

    Result run(Command command) throws IOException;

    void upload(String url, Path file) throws IOException;

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
