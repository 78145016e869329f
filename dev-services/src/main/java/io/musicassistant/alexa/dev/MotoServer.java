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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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

    private static final Pattern READY = Pattern.compile("MOTO_READY \\{\"port\": (\\d+),");
    private static final String MISSING = "MOTO_MISSING";
    /** Werkzeug and Moto import in about a second; four warm-up requests take a few more on a slow machine. */
    private static final long START_TIMEOUT_SECONDS = 90;

    private static final int STDERR_LINES_KEPT = 20;

    private final Process process;
    private final int port;

    private MotoServer(Process process, int port) {
        this.process = process;
        this.port = port;
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
     * has no Moto), then common install places; the same file reached twice (usrmerge) is tried once.
     */
    static List<String> interpreters(Map<String, String> env) {
        String chosen = env.get("MOTO_PYTHON");
        if (chosen != null && !chosen.isBlank()) {
            return List.of(chosen.trim());
        }
        List<Path> candidates = new ArrayList<>();
        for (String dir : env.getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isBlank()) {
                candidates.add(Path.of(dir, "python3"));
            }
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        for (String place : List.of(home + "/.pyenv/shims/python3", "/usr/local/bin/python3", "/usr/bin/python3")) {
            candidates.add(Path.of(place));
        }
        Set<Path> seen = new LinkedHashSet<>();
        List<String> found = new ArrayList<>();
        for (Path candidate : candidates) {
            if (Files.isExecutable(candidate) && seen.add(realPath(candidate))) {
                found.add(candidate.toString());
            }
        }
        return List.copyOf(found);
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    /** A running server; null when this interpreter cannot run Moto (not found, not Python, no Moto). */
    private static MotoServer tryStart(String python, String launcher, int port) {
        Process process;
        try {
            process = new ProcessBuilder(python, "-c", launcher, Integer.toString(port)).start();
        } catch (IOException notRunnable) {
            return null;
        }
        Deque<String> stderr = new ArrayDeque<>();
        daemon("moto-stderr", () -> keepTail(process.getErrorStream(), stderr));
        CompletableFuture<String> firstLine = new CompletableFuture<>();
        daemon("moto-stdout", () -> {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            try {
                firstLine.complete(out.readLine());
                // Nothing else is printed, but a full pipe would block the server: keep reading.
                out.transferTo(java.io.Writer.nullWriter());
            } catch (IOException e) {
                firstLine.complete(null);
            }
        });
        String line;
        try {
            line = firstLine.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("Moto's server (" + python + ") did not start within "
                    + START_TIMEOUT_SECONDS + " s" + tail(stderr));
        } catch (ExecutionException e) {
            process.destroyForcibly();
            throw new IllegalStateException("cannot read from Moto's server (" + python + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while starting Moto's server");
        }
        Matcher ready = line == null ? null : READY.matcher(line);
        if (ready != null && ready.lookingAt()) {
            return new MotoServer(process, Integer.parseInt(ready.group(1)));
        }
        process.destroyForcibly();
        if (line != null && line.startsWith(MISSING)) {
            return null;
        }
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (line == null && !launcherRan(stderr)) {
            return null; // not a Python 3 at all: try the next interpreter
        }
        // Moto is there but the launcher failed: that needs reading, not a hint to install it again.
        throw new IllegalStateException("Moto's server (" + python + ") failed to start" + tail(stderr));
    }

    /** A traceback other than a syntax error means Python 3 ran the launcher and it failed. */
    private static boolean launcherRan(Deque<String> stderr) {
        synchronized (stderr) {
            return stderr.stream().anyMatch(l -> l.startsWith("Traceback"))
                    && stderr.stream().noneMatch(l -> l.startsWith("SyntaxError"));
        }
    }

    private static void keepTail(InputStream in, Deque<String> lines) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (lines) {
                    if (lines.size() == STDERR_LINES_KEPT) {
                        lines.removeFirst();
                    }
                    lines.addLast(line);
                }
            }
        } catch (IOException ignored) {
            // The server is gone.
        }
    }

    private static String tail(Deque<String> stderr) {
        synchronized (stderr) {
            return stderr.isEmpty() ? "" : ": " + String.join(" | ", stderr);
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
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

    /** The child's process id: tests check that it ends with its parent. */
    public long pid() {
        return process.pid();
    }

    Process process() {
        return process;
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
