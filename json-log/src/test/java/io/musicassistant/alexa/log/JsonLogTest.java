package io.musicassistant.alexa.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JsonLogTest {

    private final List<String> lines = new ArrayList<>();
    private Consumer<String> previous;

    @BeforeEach
    void capture() {
        previous = JsonLog.setSink(lines::add);
    }

    @AfterEach
    void restore() {
        JsonLog.setSink(previous);
    }

    @Test
    void writesOneJsonObjectPerLineWithRequestId() {
        JsonLog log = JsonLog.get(JsonLogTest.class);
        try (var ignored = LogContext.put("request_id", "req-1")) {
            log.info("relay.sent", "command", "content.resolve", "elapsed_ms", 12L, "ok", true);
        }
        log.info("after");
        assertEquals(2, lines.size());
        String line = lines.getFirst();
        assertTrue(line.startsWith("{\"ts\":\""), line);
        assertTrue(line.contains("\"request_id\":\"req-1\""), line);
        assertTrue(line.contains("\"command\":\"content.resolve\""), line);
        assertTrue(line.contains("\"elapsed_ms\":12"), line);
        assertTrue(line.contains("\"ok\":true"), line);
        assertFalse(lines.get(1).contains("request_id"), "context must not leak past its scope");
    }

    @Test
    void redactsSecretsByKeyAndByShape() {
        JsonLog log = JsonLog.get(JsonLogTest.class);
        String token = "Atza|IwEBIAbCdEf0123456789";
        log.info(
                "identity",
                "access_token",
                token,
                "header",
                "Bearer abc.def",
                "note",
                "user sent " + token,
                "nested",
                Map.of("secret", "s3cr3t", "ok", "fine"));
        log.error("boom", new IllegalStateException("failed for " + token + " at ?access_token=xyz"));
        log.info(
                "objects",
                "home",
                new StringBuilder("secret mhs_abcdefghijklmnopqrstuvwxyz0123"),
                "thing",
                new Object() {
                    @Override
                    public String toString() {
                        return "carries " + token;
                    }
                });
        try (var ignored = LogContext.put("request_id", "Bearer leaked.value")) {
            log.info("context");
        }
        String all = String.join("\n", lines);
        assertFalse(all.contains("IwEBIAbCdEf"), all);
        assertFalse(all.contains("abc.def"), all);
        assertFalse(all.contains("s3cr3t"), all);
        assertFalse(all.contains("xyz"), all);
        assertFalse(all.contains("abcdefghijklmnop"), all);
        assertFalse(all.contains("leaked.value"), all);
        assertTrue(all.contains("\"ok\":\"fine\""), all);
        assertTrue(all.contains(Redaction.REDACTED), all);
    }

    @Test
    void escapesControlCharactersAndQuotes() {
        JsonLog.get(JsonLogTest.class).warn("q\"uote\nnew\u0001line");
        assertTrue(lines.getFirst().contains("q\\\"uote\\nnew\\u0001line"), lines.getFirst());
    }
}
