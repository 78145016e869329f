package io.musicassistant.alexa.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one Dockerfile (connector/Dockerfile) shared by the plain image and the add-on, parse-checked
 * without Docker, and its builder stage's commands (connector/docker/build.sh) run for real.
 */
class AddOnImageTest {

    static final Path DOCKERFILE = Path.of("Dockerfile");
    static final Set<String> INSTRUCTIONS = Set.of(
            "FROM",
            "RUN",
            "CMD",
            "LABEL",
            "EXPOSE",
            "ENV",
            "ADD",
            "COPY",
            "ENTRYPOINT",
            "VOLUME",
            "USER",
            "WORKDIR",
            "ARG",
            "ONBUILD",
            "STOPSIGNAL",
            "HEALTHCHECK",
            "SHELL");
    static final Pattern FROM = Pattern.compile("FROM(?: --platform=\\S+)? (\\S+) AS ([a-z][a-z0-9_-]*)");

    @TempDir
    Path dir;

    /** A Dockerfile's instructions with continuations joined; comments and the parser directive dropped. */
    static List<String> instructions(String dockerfile) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : dockerfile.split("\n", -1)) {
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            current.append(line.strip());
            if (line.endsWith("\\")) {
                current.setLength(current.length() - 1);
                current.append(' ');
                continue;
            }
            lines.add(current.toString());
            current.setLength(0);
        }
        if (!current.isEmpty()) {
            lines.add(current.toString());
        }
        return lines;
    }

    /** Every violation of our Dockerfile rules, empty when it passes. */
    static List<String> check(String dockerfile, Path repositoryRoot) {
        List<String> errors = new ArrayList<>();
        List<String> lines = instructions(dockerfile);
        Set<String> stages = new LinkedHashSet<>();
        Map<String, String> args = new HashMap<>();
        String user = null;
        boolean healthcheck = false;
        for (String line : lines) {
            String keyword = line.split("\\s+", 2)[0];
            if (!INSTRUCTIONS.contains(keyword)) {
                errors.add("unknown instruction: " + keyword);
                continue;
            }
            switch (keyword) {
                case "FROM" -> {
                    Matcher from = FROM.matcher(line);
                    if (!from.matches()) {
                        errors.add("stage without a name: " + line);
                    } else if (!stages.add(from.group(2))) {
                        errors.add("stage named twice: " + from.group(2));
                    }
                    user = null;
                }
                case "COPY" -> {
                    Matcher copyFrom = Pattern.compile("--from=(\\S+)").matcher(line);
                    if (copyFrom.find() && !stages.contains(copyFrom.group(1))) {
                        errors.add("COPY --from an unknown (or later) stage: " + copyFrom.group(1));
                    }
                    if (!copyFrom.find(0)) {
                        String[] parts = line.replaceAll("--\\S+", "").trim().split("\\s+");
                        for (int i = 1; i < parts.length - 1; i++) {
                            if (!parts[i].equals(".") && !Files.exists(repositoryRoot.resolve(parts[i]))) {
                                errors.add("COPY source missing in the build context: " + parts[i]);
                            }
                        }
                    }
                }
                case "ARG" -> {
                    String[] arg = line.substring(4).trim().split("=", 2);
                    args.put(arg[0], arg.length > 1 ? arg[1] : "");
                }
                case "USER" -> user = line.substring(5).trim();
                case "HEALTHCHECK" -> healthcheck = line.contains("CMD") && line.contains("/health");
                case "RUN" -> {
                    Matcher script = Pattern.compile("bash (\\S+\\.sh)").matcher(line);
                    while (script.find()) {
                        if (!Files.isRegularFile(repositoryRoot.resolve(script.group(1)))) {
                            errors.add("RUN runs a script that does not exist: " + script.group(1));
                        }
                    }
                }
                default -> {}
            }
        }
        if (!lines.isEmpty()
                && !lines.get(0).startsWith("FROM")
                && !lines.get(0).startsWith("ARG")) {
            errors.add("the first instruction must be FROM (or ARG)");
        }
        if (stages.size() < 2) {
            errors.add("not multi-stage: " + stages);
        }
        if (!healthcheck) {
            errors.add("no HEALTHCHECK on /health");
        }
        if (user != null && user.startsWith("${")) {
            user = args.getOrDefault(user.substring(2, user.length() - 1), "");
        }
        if (user == null || user.isEmpty() || user.startsWith("0") || user.startsWith("root")) {
            errors.add("the final stage must run as a non-root USER: " + user);
        }
        return errors;
    }

    @Test
    void theDockerfileParsesAndFollowsOurRules() throws Exception {
        String dockerfile = Files.readString(DOCKERFILE);
        assertEquals(List.of(), check(dockerfile, Path.of("..")));
        List<String> lines = instructions(dockerfile);
        assertTrue(lines.stream().anyMatch(l -> l.contains("connector/docker/build.sh all /opt/jre")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("EXPOSE 8099")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("LABEL io.hass.type=\"addon\"")), "the add-on labels");
        assertTrue(lines.stream().anyMatch(l -> l.equals("ENV STATE_DIR=/data")));
        assertTrue(lines.stream()
                .anyMatch(l -> l.startsWith("COPY --from=builder /src/connector/target/ma-alexa-connector.jar ")));
        assertTrue(Files.readString(Path.of("pom.xml")).contains("<finalName>ma-alexa-connector</finalName>"));
        assertTrue(Files.readString(Path.of("docker/entrypoint.sh")).contains("setpriv --reuid=10001"));
    }

    @Test
    void eachDockerfileRuleCanFail() throws Exception {
        String good = Files.readString(DOCKERFILE);
        Path root = Path.of("..");
        assertFails(check(good + "\nFETCH something\n", root), "unknown instruction: FETCH");
        assertFails(check(good.replace(" AS runtime", ""), root), "stage without a name");
        assertFails(check(good.replace("--from=builder", "--from=build"), root), "unknown (or later) stage");
        assertFails(
                check(good.replace("connector/docker/build.sh", "connector/docker/missing.sh"), root),
                "does not exist");
        assertFails(
                check(good.replace("HEALTHCHECK", "#HEALTHCHECK").replace("CMD curl", "#CMD curl"), root),
                "HEALTHCHECK");
        assertFails(check(good.replace("ARG RUN_AS=10001:10001", "ARG RUN_AS=0:0"), root), "non-root USER");
        assertFails(
                check(good.replace("connector/docker/entrypoint.sh", "connector/docker/gone.sh"), root),
                "COPY source missing");
    }

    private static void assertFails(List<String> errors, String expected) {
        assertTrue(errors.stream().anyMatch(e -> e.contains(expected)), "expected '" + expected + "' in " + errors);
    }

    /**
     * Runs the builder stage's runtime step (jdeps + jlink) for real with this JVM's JDK. The reactor is
     * already compiled (this test runs in it), so instead of a second Maven build the test hands the
     * script the connector's classes as a jar and the test class path for jdeps; the Dockerfile runs the
     * same script on the shaded jar.
     */
    @Test
    void theBuilderScriptMakesATrimmedRuntimeThatRunsJava() throws Exception {
        Path javaHome = Path.of(System.getProperty("java.home"));
        if (!Files.isExecutable(javaHome.resolve("bin/jlink"))) {
            throw new IllegalStateException("the test JVM is not a JDK with jlink: " + javaHome);
        }
        Path jar = dir.resolve("connector.jar");
        jar(Path.of("target/classes"), jar);
        Path jre = dir.resolve("jre");
        ProcessBuilder builder = new ProcessBuilder(
                        "bash", "docker/build.sh", "runtime", jar.toString(), jre.toString())
                .redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", javaHome.toString());
        builder.environment().put("JDEPS_CLASSPATH", System.getProperty("java.class.path"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "build.sh finished");
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("jlink modules: java.base"), output);
        for (String module : List.of("java.net.http", "java.naming", "jdk.crypto.ec", "jdk.httpserver")) {
            assertTrue(output.contains(module), module + " in " + output);
        }
        assertTrue(Files.isExecutable(jre.resolve("bin/java")));
        assertFalse(Files.exists(jre.resolve("bin/javac")), "a runtime, not a JDK");
        System.out.println("AddOnImageTest: trimmed JRE " + size(jre) / (1024 * 1024) + " MiB; " + output.strip());
    }

    private static void jar(Path classes, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(
                        new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
    }

    private static long size(Path tree) throws IOException {
        try (Stream<Path> files = Files.walk(tree)) {
            long total = 0;
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }
}
