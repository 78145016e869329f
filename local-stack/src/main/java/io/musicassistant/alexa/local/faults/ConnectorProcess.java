package io.musicassistant.alexa.local.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The connector as a process of its own ({@code --faults}), so that a kill is a real SIGKILL: every
 * in-memory state is lost exactly as in production, and a start comes back from the state directory
 * alone. It runs the production {@code ConnectorMain} (through {@link ConnectorChild}) with the
 * stack's settings as environment variables; its output goes to a log file.
 */
public final class ConnectorProcess implements AutoCloseable {

    private final Map<String, String> env;
    private final Path logFile;
    private volatile Process process;

    public ConnectorProcess(Map<String, String> env, Path logFile) {
        this.env = Map.copyOf(env);
        this.logFile = logFile;
    }

    /** Starts the process unless it runs; returns its pid. */
    public synchronized long start() {
        if (running()) {
            return process.pid();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Small and quick to start (C1 only): the connector is light, and this machine runs the whole stack.
        command.addAll(List.of(
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                ConnectorChild.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(env);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the connector process", e);
        }
        return process.pid();
    }

    public boolean running() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** The running process's id, or -1. */
    public long pid() {
        Process p = process;
        return p != null && p.isAlive() ? p.pid() : -1;
    }

    /** SIGTERM, as Docker stops a container: the connector finishes what runs and tells the cloud it goes. */
    public synchronized void stop() {
        end(false);
    }

    /** SIGKILL: nothing runs after it, nothing is told. */
    public synchronized void kill() {
        end(true);
    }

    private void end(boolean kill) {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        if (kill) {
            p.destroyForcibly();
        } else {
            p.destroy();
        }
        try {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
