package io.musicassistant.alexa.control.voice;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A question about a room that is waiting for its answer ("Which room?"). It travels in the session
 * attributes, so Alexa sends it back with the next turn; {@code SelectRoomIntent} ("the kitchen")
 * fills {@code fill} with the room the user names and runs {@code intent} again with its other slot
 * values as they were. Only slot values are kept: they are what the user said, and short.
 *
 * @param intent the intent to complete
 * @param fill the slot the answer goes into ({@code room} or {@code fromRoom})
 * @param slots the intent's other slot values
 */
public record Pending(String intent, String fill, Map<String, String> slots) {

    public static final String ATTRIBUTE = "pending";
    private static final Pattern NAME = Pattern.compile("[A-Za-z.]{1,64}");
    private static final int MAX_SLOTS = 8;

    public Pending {
        slots = slots == null ? Map.of() : Map.copyOf(slots);
    }

    /** The session-attribute form. */
    public Map<String, Object> toAttribute() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("intent", intent);
        out.put("fill", fill);
        out.put("slots", new LinkedHashMap<>(slots));
        return out;
    }

    /** Reads what a session attribute holds; anything malformed is no question at all. */
    public static Optional<Pending> fromAttribute(Object value) {
        if (!(value instanceof Map<?, ?> map)
                || !(map.get("intent") instanceof String intent)
                || !(map.get("fill") instanceof String fill)
                || !NAME.matcher(intent).matches()
                || !NAME.matcher(fill).matches()) {
            return Optional.empty();
        }
        Map<String, String> slots = new LinkedHashMap<>();
        if (map.get("slots") instanceof Map<?, ?> raw) {
            for (var e : raw.entrySet()) {
                if (slots.size() < MAX_SLOTS
                        && e.getKey() instanceof String k
                        && NAME.matcher(k).matches()
                        && e.getValue() instanceof String v
                        && v.length() <= Slots.MAX_VALUE_LENGTH) {
                    slots.put(k, v);
                }
            }
        }
        return Optional.of(new Pending(intent, fill, slots));
    }
}
