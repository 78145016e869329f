package io.musicassistant.alexa.log;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fields stamped on every line logged by the current thread, such as the request id of the
 * directive or relay command being handled. Use with try-with-resources so fields never leak
 * into the next request a warm Lambda container serves.
 */
public final class LogContext implements AutoCloseable {

    private static final ThreadLocal<Map<String, String>> FIELDS = ThreadLocal.withInitial(LinkedHashMap::new);

    private final String key;
    private final String previous;

    private LogContext(String key, String previous) {
        this.key = key;
        this.previous = previous;
    }

    public static LogContext put(String key, String value) {
        Map<String, String> fields = FIELDS.get();
        String previous = value == null ? fields.remove(key) : fields.put(key, value);
        return new LogContext(key, previous);
    }

    public static String get(String key) {
        return FIELDS.get().get(key);
    }

    static Map<String, String> snapshot() {
        return FIELDS.get();
    }

    @Override
    public void close() {
        if (previous == null) {
            FIELDS.get().remove(key);
        } else {
            FIELDS.get().put(key, previous);
        }
    }
}
