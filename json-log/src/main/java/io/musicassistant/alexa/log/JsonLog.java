package io.musicassistant.alexa.log;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One JSON object per line on stdout, which is what CloudWatch Logs and `docker logs` both keep.
 *
 * <p>Written by hand instead of through a logging framework so that a Lambda cold start loads a
 * single small class, and so that redaction cannot be bypassed by a framework's formatting path.
 * Fields are given as alternating key/value pairs: {@code log.info("relay.sent", "command", c)}.
 */
public final class JsonLog {

    public enum Level {
        DEBUG,
        INFO,
        WARN,
        ERROR
    }

    private static volatile Consumer<String> sink = defaultSink(System.out);
    private static volatile Level threshold = parseLevel(System.getenv("LOG_LEVEL"));

    private final String logger;

    private JsonLog(String logger) {
        this.logger = logger;
    }

    public static JsonLog get(Class<?> type) {
        return new JsonLog(type.getSimpleName());
    }

    /** Replaces where lines go; tests use it to read what was logged. Returns the previous sink. */
    public static Consumer<String> setSink(Consumer<String> newSink) {
        Consumer<String> previous = sink;
        sink = Objects.requireNonNull(newSink);
        return previous;
    }

    public static void setLevel(Level level) {
        threshold = Objects.requireNonNull(level);
    }

    public void debug(String message, Object... fields) {
        log(Level.DEBUG, message, null, fields);
    }

    public void info(String message, Object... fields) {
        log(Level.INFO, message, null, fields);
    }

    public void warn(String message, Object... fields) {
        log(Level.WARN, message, null, fields);
    }

    public void warn(String message, Throwable error, Object... fields) {
        log(Level.WARN, message, error, fields);
    }

    public void error(String message, Throwable error, Object... fields) {
        log(Level.ERROR, message, error, fields);
    }

    private void log(Level level, String message, Throwable error, Object[] fields) {
        if (level.ordinal() < threshold.ordinal()) {
            return;
        }
        StringBuilder out = new StringBuilder(160);
        out.append("{\"ts\":\"").append(Instant.now()).append('"');
        out.append(",\"level\":\"").append(level).append('"');
        out.append(",\"logger\":");
        Json.string(out, logger);
        out.append(",\"msg\":");
        Json.string(out, message);
        for (Map.Entry<String, String> e : LogContext.snapshot().entrySet()) {
            out.append(',');
            Json.string(out, e.getKey());
            out.append(':');
            Json.value(out, Redaction.redact(e.getKey(), e.getValue()));
        }
        for (int i = 0; i + 1 < fields.length; i += 2) {
            String key = String.valueOf(fields[i]);
            out.append(',');
            Json.string(out, key);
            out.append(':');
            Json.value(out, Redaction.redact(key, fields[i + 1]));
        }
        if (fields.length % 2 != 0) {
            out.append(",\"_unpaired_field\":");
            Json.string(out, String.valueOf(fields[fields.length - 1]));
        }
        if (error != null) {
            out.append(",\"error\":{\"type\":");
            Json.string(out, error.getClass().getName());
            out.append(",\"message\":");
            Json.string(out, Redaction.scrub(String.valueOf(error.getMessage())));
            Throwable cause = error.getCause();
            if (cause != null && cause != error) {
                out.append(",\"cause\":");
                Json.string(
                        out, cause.getClass().getName() + ": " + Redaction.scrub(String.valueOf(cause.getMessage())));
            }
            StackTraceElement[] trace = error.getStackTrace();
            if (trace.length > 0 && (level == Level.ERROR)) {
                out.append(",\"at\":");
                Json.string(out, trace[0].toString());
            }
            out.append('}');
        }
        out.append('}');
        sink.accept(out.toString());
    }

    private static Consumer<String> defaultSink(PrintStream stream) {
        return line -> {
            synchronized (stream) {
                stream.println(line);
            }
        };
    }

    private static Level parseLevel(String value) {
        if (value == null || value.isBlank()) {
            return Level.INFO;
        }
        try {
            return Level.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Level.INFO;
        }
    }
}
