package io.musicassistant.alexa.dev;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moto's server (Apache-2.0), an emulator of AWS's APIs, as a child process on a loopback port:
 * DynamoDB, S3, STS and IAM for the local stack and the tests, all on one endpoint. The child holds
 * this JVM's end of a pipe on its stdin and exits when it closes, so even a JVM killed with SIGKILL
 * leaves no server behind.
 */
public final class MotoServer implements AutoCloseable {

    /** What a user without Moto reads, in one line. */
    public static final String INSTALL_HINT = "Moto's server is needed for the local AWS emulation: "
            + "install Python 3, then pip install \"moto[server]\" (or set MOTO_PYTHON to a python3 that has it)";

    private static final Pattern READY = Pattern.compile("MOTO_READY \\{\"port\": (\\d+), \"version\": \"([^\"]*)\"");
    private static final long START_TIMEOUT_SECONDS = 60;

    private final Process process;
    private final int port;
    private final String version;

    private MotoServer(Process process, int port, String version) {
        this.process = process;
        this.port = port;
        this.version = version;
    }

    /** Thrown when no interpreter on this machine can run Moto; its message is {@link #INSTALL_HINT}. */
    public static final class Unavailable extends IllegalStateException {
        private Unavailable(String tried) {
            super(INSTALL_HINT + " (tried: " + tried + ")");
        }
    }

    /** Starts Moto on {@code port}, or on a port the server picks itself when it is 0. */
    public static MotoServer start(int port) {
        return start(port, System.getenv());
    }

    static MotoServer start(int port, Map<String, String> env) {
        String launcher = launcherScript();
        List<String> tried = new ArrayList<>();
        for (String python : interpreters(env)) {
            MotoServer server = tryStart(python, launcher, port);
            if (server != null) {
                return server;
            }
            tried.add(python);
        }
        throw new Unavailable(String.join(", ", tried));
    }

    /**
     * Interpreters to try: {@code MOTO_PYTHON} alone when it is set (the scripts set it to the one they
     * checked); else every {@code python3} on PATH (pyenv's shim usually comes before Debian's, which
     * has no Moto), then common install places.
     */
    static List<String> interpreters(Map<String, String> env) {
        String chosen = env.get("MOTO_PYTHON");
        if (chosen != null && !chosen.isBlank()) {
            return List.of(chosen.trim());
        }
        Set<String> found = new LinkedHashSet<>();
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, "python3"))) {
                found.add(Path.of(dir, "python3").toString());
            }
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        for (String candidate : List.of(home + "/.pyenv/shims/python3", "/usr/local/bin/python3", "/usr/bin/python3")) {
            if (Files.isExecutable(Path.of(candidate))) {
                found.add(candidate);
            }
        }
        return List.copyOf(found);
    }

    private static MotoServer tryStart(String python, String launcher, int port) {
        Process process;
        try {
            process = new ProcessBuilder(python, "-c", launcher, Integer.toString(port))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException notRunnable) {
            return null;
        }
        CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> readLine(process.getInputStream()));
        String line;
        try {
            line = firstLine.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("Moto's server (" + python + ") did not start within " + START_TIMEOUT_SECONDS + " s");
        } catch (ExecutionException e) {
            process.destroyForcibly();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while starting Moto's server");
        }
        Matcher ready = line == null ? null : READY.matcher(line);
        if (ready == null || !ready.lookingAt()) {
            // MOTO_MISSING, or an interpreter that is not Python 3: try the next one.
            process.destroyForcibly();
            return null;
        }
        drain(process.getInputStream());
        return new MotoServer(process, Integer.parseInt(ready.group(1)), ready.group(2));
    }

    private static String readLine(InputStream in) {
        try {
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Nothing else is printed, but a full pipe would block the server; keep reading. */
    private static void drain(InputStream in) {
        Thread drainer = new Thread(() -> {
            try {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException ignored) {
                // The server is gone.
            }
        }, "moto-stdout");
        drainer.setDaemon(true);
        drainer.start();
    }

    private static String launcherScript() {
        try (InputStream in = MotoServer.class.getResourceAsStream("moto_launcher.py")) {
            if (in == null) {
                throw new IllegalStateException("moto_launcher.py is missing from the dev-services jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public String version() {
        return version;
    }

    /** The child's process id: tests check that it ends with its parent. */
    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        try {
            // Closing stdin is the child's signal to exit; SIGTERM if it does not.
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // Already closed.
        }
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
