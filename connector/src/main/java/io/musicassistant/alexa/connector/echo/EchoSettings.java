package io.musicassistant.alexa.connector.echo;

import io.musicassistant.alexa.relay.protocol.ContentId;
import io.musicassistant.alexa.relay.protocol.ContentKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Echo devices that get a Music Assistant player ({@code ECHO_PLAYERS}, issue 16): names as
 * the user says them ("Kitchen Echo"). Each name is what the routine's phrase and the voice catalog
 * carry, so it must be sayable, and no two may share a name key ({@link ContentId} of kind
 * {@link ContentKind#ECHO}), which is how a music-skill request finds its player.
 *
 * @param names the Echo names, in the order given
 */
public record EchoSettings(List<String> names) {

    /** Each Echo player is one Slimproto connection and one routine the user creates by hand. */
    public static final int MAX_PLAYERS = 10;
    /** Short enough to say in a routine's phrase, and to fit MA's name with " (Alexa)". */
    public static final int MAX_NAME_LENGTH = 40;

    public EchoSettings {
        names = List.copyOf(names);
        Problem problem = problem(names);
        if (problem != null) {
            throw new IllegalArgumentException("ECHO_PLAYERS: " + problem.message());
        }
    }

    /**
     * What is wrong with a list of Echo names, or null: the same rules for {@code ECHO_PLAYERS} and
     * the status page, which words the code in its language.
     *
     * @param code {@code too_many}, {@code bad_name}, {@code no_letters} or {@code same_key}
     * @param name the name at fault (null for {@code too_many})
     * @param other for {@code same_key}, the name it sounds like
     */
    public record Problem(String code, String name, String other) {
        public String message() {
            return switch (code) {
                case "too_many" -> "at most " + MAX_PLAYERS + " Echo devices";
                case "bad_name" -> "each name is 1 to " + MAX_NAME_LENGTH + " printable characters";
                case "no_letters" -> "'" + name + "' has no letters or digits to say";
                default -> "'" + other + "' and '" + name + "' sound the same; give them different names";
            };
        }
    }

    public static Problem problem(List<String> names) {
        if (names.size() > MAX_PLAYERS) {
            return new Problem("too_many", null, null);
        }
        Map<String, String> byKey = new HashMap<>();
        for (String name : names) {
            if (name.isBlank()
                    || name.length() > MAX_NAME_LENGTH
                    || name.chars().anyMatch(Character::isISOControl)) {
                return new Problem("bad_name", name, null);
            }
            String key = key(name);
            if (key.isEmpty()) {
                return new Problem("no_letters", name, null);
            }
            String other = byKey.put(key, name);
            if (other != null) {
                return new Problem("same_key", name, other);
            }
        }
        return null;
    }

    public static EchoSettings none() {
        return new EchoSettings(List.of());
    }

    /** {@code ECHO_PLAYERS}: names separated by commas (the add-on's list arrives joined the same way). */
    public static EchoSettings load(Map<String, String> settings) {
        List<String> names = new ArrayList<>();
        for (String part : settings.getOrDefault("ECHO_PLAYERS", "").split(",")) {
            if (!part.isBlank()) {
                names.add(part.strip());
            }
        }
        return new EchoSettings(names);
    }

    /** The name key an {@code echo.queue} request and the Echo's catalog id carry. */
    public static String key(String name) {
        return ContentId.of(ContentKind.ECHO, name, null).name();
    }
}
