package io.musicassistant.alexa.connector.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.connector.echo.EchoPlayers;
import io.musicassistant.alexa.connector.echo.EchoSettings;
import io.musicassistant.alexa.log.JsonLog;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The page's Echo list (docs/status-page.md, "Echo players"): {@code POST ./api/echo-players/add}
 * with {@code {"name": …}} and {@code POST ./api/echo-players/remove} with {@code {"key": …}}. The
 * same rules as {@code ECHO_PLAYERS}; a refusal answers with a code the page words in its language.
 */
final class EchoForm {

    private static final JsonLog LOG = JsonLog.get(EchoForm.class);
    /** A name is at most 40 characters; the body has room for its JSON escapes and nothing more. */
    static final int MAX_BODY = 1024;

    /** An answer: the HTTP status and its JSON. */
    record Answer(int status, Map<String, Object> json) {}

    private final EchoPlayers echo;

    EchoForm(EchoPlayers echo) {
        this.echo = echo;
    }

    Answer change(String action, byte[] body) {
        JsonNode request;
        try {
            request = StatusJson.MAPPER.readTree(body);
        } catch (IOException e) {
            return refused(400, "bad_request");
        }
        if (request == null || !request.isObject()) {
            return refused(400, "bad_request");
        }
        EchoSettings.Problem problem;
        switch (action) {
            case "add" -> {
                JsonNode name = request.path("name");
                if (!name.isTextual()) {
                    return refused(400, "bad_request");
                }
                problem = echo.add(name.asText());
            }
            case "remove" -> {
                JsonNode key = request.path("key");
                if (!key.isTextual()) {
                    return refused(400, "bad_request");
                }
                problem = echo.remove(key.asText());
            }
            default -> {
                return refused(404, "not_found");
            }
        }
        if (problem == null) {
            return new Answer(200, Map.of("ok", true));
        }
        LOG.info("status.echo_refused", "action", action, "problem", problem.code());
        int status = problem.code().equals("read_only") ? 409 : problem.code().equals("unknown_echo") ? 404 : 400;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("error", problem.code());
        if (problem.other() != null) {
            json.put("other", problem.other()); // for same_key: the name it sounds like
        }
        return new Answer(status, json);
    }

    private static Answer refused(int status, String code) {
        return new Answer(status, Map.of("error", code));
    }
}
