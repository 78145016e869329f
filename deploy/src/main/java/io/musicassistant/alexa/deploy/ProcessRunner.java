package io.musicassistant.alexa.deploy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs commands with {@link ProcessBuilder}; every line it shows or keeps goes through the redactor.
 * The sign-in is {@link LwaLogin}'s, the secret calls {@link SecretsManagerStore}'s.
 */
final class ProcessRunner implements Runner {

    static final int TAIL_LINES = 25;
    static final String INDENT = "        │ ";

    private final Redactor redactor;
    private final PrintStream out;

    ProcessRunner(Redactor redactor, PrintStream out) {
        this.redactor = redactor;
        this.out = out;
    }

    @Override
    public Result run(Command command) throws IOException {
        ProcessBuilder builder =
                new ProcessBuilder(command.argv()).directory(command.cwd().toFile());
        // The LWA secret reaches the ASK CLI only in the owner-only request file, the SMAPI ones only Secrets
        // Manager (from this JVM); no child needs them in its environment.
        DeployConfig.SECRET_KEYS.forEach(builder.environment()::remove);
        builder.environment().putAll(command.env());
        Process process = builder.start();
        process.getOutputStream().close(); // nothing may wait for an answer on stdin
        Deque<String> tail = new ArrayDeque<>();
        StringBuilder stdout = new StringBuilder();
        boolean stream = command.output() == Command.Output.STREAM;
        // A child that prints credentials does so on stdout when it succeeds; its errors go to stderr.
        boolean keepStdout = command.output() != Command.Output.SECRET;
        Thread errors =
                Thread.ofVirtual().start(() -> readLines(process.getErrorStream(), line -> keep(line, tail, stream)));
        readLines(process.getInputStream(), line -> {
            if (!stream) {
                stdout.append(line).append('\n');
            }
            if (keepStdout) {
                keep(line, tail, stream);
            }
        });
        try {
            int exit = process.waitFor();
            errors.join();
            List<String> lines;
            synchronized (tail) {
                lines = new ArrayList<>(tail);
            }
            return new Result(exit, stdout.toString(), lines);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(
                    "interrupted while waiting for " + command.argv().getFirst());
        }
    }

    /** Shows a line (STREAM) and keeps it for a failure report, both redacted. */
    private void keep(String line, Deque<String> tail, boolean stream) {
        if (line.isBlank()) {
            return; // Debian's Maven and the CLIs' banners print many; they carry nothing
        }
        String shown = redactor.redact(line);
        synchronized (tail) {
            tail.addLast(shown);
            if (tail.size() > TAIL_LINES) {
                tail.removeFirst();
            }
        }
        if (stream) {
            out.println(INDENT + shown);
        }
    }

    @Override
    public void upload(String url, Path file) throws IOException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofMinutes(5))
                .PUT(HttpRequest.BodyPublishers.ofFile(file))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                // The URL is a presigned credential: the message names the status only.
                throw new IOException(
                        "the upload of " + file.getFileName() + " was refused: HTTP " + response.statusCode());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while uploading " + file.getFileName());
        }
    }

    @Override
    public Secret authorize(LwaLogin.Grant grant, Consumer<URI> show) throws IOException {
        return new LwaLogin().authorize(grant, show);
    }

    @Override
    public Optional<String> readSecret(SecretsManagerStore.Target target) throws IOException {
        return SecretsManagerStore.read(target);
    }

    @Override
    public void writeSecret(SecretsManagerStore.Target target, Secret value) throws IOException {
        SecretsManagerStore.write(target, value);
    }

    private static void readLines(InputStream stream, Consumer<String> sink) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                sink.accept(line.replaceAll("\u001b\\[[0-9;]*m", ""));
            }
        } catch (IOException e) {
            sink.accept("(reading its output failed: " + e.getMessage() + ")");
        }
    }
}
