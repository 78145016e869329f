package io.musicassistant.alexa.deploy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The machine as the tool sees it, injected so that tests use their own environment and home
 * directory instead of the developer's.
 *
 * @param env the environment variables (also inherited by the child processes)
 * @param home the user's home directory (~/.aws, ~/.ask)
 * @param root the repository's root directory
 * @param runtimeJavaHome the JDK running this tool, used when JAVA_HOME is unset
 * @param tempDir where short-lived files go (the account-linking request, owner-only, deleted at once)
 */
record Host(Map<String, String> env, Path home, Path root, Path runtimeJavaHome, Path tempDir) {

    static Host current() {
        String root = System.getProperty("ma.alexa.root", System.getProperty("user.dir"));
        return new Host(
                System.getenv(),
                Path.of(System.getProperty("user.home")),
                Path.of(root).toAbsolutePath().normalize(),
                Path.of(System.getProperty("java.home")),
                Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** Where the state, the rendered skill packages and the stack outputs live (gitignored). */
    Path deployDir() {
        return root.resolve(".deploy");
    }

    Optional<String> variable(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** The executable on PATH, as a shell would find it. */
    Optional<Path> which(String command) {
        for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The path as the user should read it: relative to the repository when inside it. */
    String show(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(root) ? root.relativize(absolute).toString() : absolute.toString();
    }
}
