package io.musicassistant.alexa.music;

import io.musicassistant.alexa.relay.protocol.EchoQueueRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The item id of an Echo queue (issue 16): {@code e<serial>.<MA queue_item_id>}. Music Assistant's
 * queue decides what comes next, so the item carries MA's id of the item it plays, and the next
 * step asks for the item after that one in MA's queue as it is then. The serial keeps ids unique
 * within Alexa's queue when MA plays the same item again (repeat); an id with characters outside
 * {@code [A-Za-z0-9_-]} is carried base64url-encoded behind a {@code ~}.
 */
public record EchoItemId(int serial, String queueItemId) {

    private static final Pattern FORM = Pattern.compile("e(-?\\d{1,9})\\.(~?[A-Za-z0-9_-]{1,700})");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_-]+");

    public String encode() {
        String id = PLAIN.matcher(queueItemId).matches()
                ? queueItemId
                : "~"
                        + Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString(queueItemId.getBytes(StandardCharsets.UTF_8));
        return "e" + serial + "." + id;
    }

    public static Optional<EchoItemId> parse(String value) {
        var m = value == null ? null : FORM.matcher(value);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        String id = m.group(2);
        if (id.startsWith("~")) {
            try {
                id = new String(Base64.getUrlDecoder().decode(id.substring(1)), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        if (id.isBlank() || id.length() > EchoQueueRequest.MAX_ITEM_ID_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(new EchoItemId(Integer.parseInt(m.group(1)), id));
    }
}
