package io.musicassistant.alexa.relayapi;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.musicassistant.alexa.relay.protocol.ProtocolException;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Reading a route's JSON body into a protocol record; every refusal in our own words, never the parser's. */
final class JsonBodies {

    private static final Pattern OWN_MESSAGE = Pattern.compile("[A-Za-z0-9 _.,:;()'/=<>+-]{1,120}");
    private static final Pattern CLASS_LIKE = Pattern.compile("[A-Za-z_]\\.[A-Za-z_]");
    private static final Pattern FIELD_PATH = Pattern.compile("[a-z0-9_.\\[\\]]+");

    private JsonBodies() {}

    /** A refusal whose message we wrote ourselves, safe to show the caller. */
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }

    static <T> T body(ApiRequest request, Class<T> type) {
        byte[] bytes = request.body();
        String json = bytes == null || bytes.length == 0 ? "{}" : new String(bytes, StandardCharsets.UTF_8);
        JsonNode tree;
        try {
            tree = RelayJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new BadRequest("body is not JSON");
        }
        if (tree == null || !tree.isObject()) {
            throw new BadRequest("body must be a JSON object");
        }
        try {
            return RelayJson.convert(tree, type);
        } catch (ProtocolException e) {
            throw new BadRequest(fieldMessage(e));
        }
    }

    /**
     * Names the field the parser choked on, in the protocol's own spelling, and nothing of the parser's
     * text (which quotes our class names); a path that is not plain field names and indices is left out.
     */
    static String fieldMessage(ProtocolException e) {
        if (e.getCause() instanceof ValueInstantiationException refused && ownRule(refused.getCause())) {
            return refused.getCause()
                    .getMessage(); // a protocol record's own check, in our words ("events must hold 1..50 entries")
        }
        if (e.getCause() instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            if (!path.isEmpty()
                    && path.length() <= 80
                    && FIELD_PATH.matcher(path).matches()) {
                return "field " + path + " is missing, of the wrong type or out of range";
            }
        }
        return "the body does not have the fields this route expects";
    }

    /** A check a protocol record made itself, with a message short and plain enough to pass on as it is. */
    private static boolean ownRule(Throwable cause) {
        if (!(cause instanceof IllegalArgumentException) && !(cause instanceof ProtocolException)) {
            return false;
        }
        StackTraceElement[] at = cause.getStackTrace();
        return at.length > 0
                && at[0].getClassName().startsWith(RelayJson.class.getPackageName())
                && cause.getMessage() != null
                && OWN_MESSAGE.matcher(cause.getMessage()).matches()
                && !CLASS_LIKE.matcher(cause.getMessage()).find();
    }
}
