package io.musicassistant.alexa.connector.status;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
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

    private static final ObjectReader READER =
            StatusJson.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** An answer: the HTTP status and its JSON. */
    record Answer(int status, Map<String, Object> json) {}

    private final EchoPlayers echo;

    EchoForm(EchoPlayers echo) {
        this.echo = echo;
    }

    /**
     * The name or key a well-formed request carries, or null: the body is one JSON object (nothing
     * after it) whose {@code name} (add) or {@code key} (remove) is a string. Checked before the
     * request takes the page's one change a second, so a malformed one does not delay the next.
     */
    static String argument(String action, byte[] body) {
        JsonNode request;
        try {
            request = READER.readTree(body);
        } catch (IOException e) {
            return null;
        }
        // get is null on anything but an object
        JsonNode value = request == null ? null : request.get(action.equals("add") ? "name" : "key");
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /** Whether {@code action} is one this form takes ({@code add} or {@code remove}). */
    static boolean known(String action) {
        return action.equals("add") || action.equals("remove");
    }

    /** Applies a well-formed request ({@link #known} action, {@link #argument} found). */
    Answer change(String action, String argument) {
        EchoSettings.Problem problem = action.equals("add") ? echo.add(argument) : echo.remove(argument);
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

    static Answer refused(int status, String code) {
        return new Answer(status, Map.of("error", code));
    }
}
