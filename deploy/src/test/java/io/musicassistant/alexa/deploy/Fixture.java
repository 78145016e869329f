package io.musicassistant.alexa.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A machine for one test: a repository root with copies of the real skill packages, a home with
 * an ASK CLI profile, a PATH with mvn, node and npx, a JDK 21 and AWS keys in the environment; none
 * of it the developer's own.
 */
final class Fixture {

    static final String LWA_CLIENT_ID = "amzn1.application-oa2-client.0123456789abcdef";
    static final String LWA_SECRET = "lwa-secret-fedcba9876543210fedcba";
    static final String AWS_SECRET = "aws-secret-key-0000111122223333";

    final Path dir;
    final Path root;
    final Path home;
    final Path bin;
    final Path jdk;
    final Path temp;
    final Map<String, String> env = new HashMap<>();
    final RecordingRunner runner = new RecordingRunner();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    Fixture(Path dir) throws IOException {
        this.dir = dir;
        root = Files.createDirectories(dir.resolve("repo"));
        home = Files.createDirectories(dir.resolve("home"));
        bin = Files.createDirectories(dir.resolve("bin"));
        jdk = Files.createDirectories(dir.resolve("jdk"));
        temp = Files.createDirectories(dir.resolve("tmp"));
        copyTree(repositoryRoot().resolve("skill-package"), root.resolve("skill-package"));
        Files.createDirectories(root.resolve("infrastructure/target/classes"));
        Files.createDirectories(root.resolve("lambda/target"));
        Files.writeString(root.resolve("lambda/target/ma-alexa-lambda.jar"), "jar");
        for (String tool : List.of("mvn", "node", "npx")) {
            Path exe = Files.writeString(bin.resolve(tool), "#!/bin/sh\nexit 0\n");
            exe.toFile().setExecutable(true);
        }
        Files.createDirectories(jdk.resolve("bin"));
        Files.writeString(jdk.resolve("bin/javac"), "");
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"21.0.5\"\n");
        Files.createDirectories(home.resolve(".ask"));
        Files.writeString(home.resolve(".ask/cli_config"), """
                {"profiles": {"default": {"token": {"access_token": "Atza|x", "refresh_token": "Atzr|y"},
                 "vendor_id": "MVENDOR"}}}""");
        env.put("PATH", bin.toString());
        env.put("JAVA_HOME", jdk.toString());
        env.put("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE");
        env.put("AWS_SECRET_ACCESS_KEY", AWS_SECRET);
        env.put("LWA_CLIENT_ID", LWA_CLIENT_ID);
        env.put("LWA_CLIENT_SECRET", LWA_SECRET);
    }

    /** The real repository, whose skill-package/ the fixtures copy. */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("skill-package"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "no skill-package/ above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    Host host() {
        return new Host(Map.copyOf(env), home, root, jdk, temp);
    }

    int run(String... args) {
        return Deploy.run(
                List.of(args), host(), new PrintStream(output, true, StandardCharsets.UTF_8), runner, d -> {});
    }

    String output() {
        return output.toString(StandardCharsets.UTF_8);
    }

    Path stateFile(String stage) {
        return root.resolve(".deploy").resolve(stage + ".json");
    }

    static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
