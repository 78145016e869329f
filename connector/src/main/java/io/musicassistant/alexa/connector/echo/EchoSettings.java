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
        if (names.size() > MAX_PLAYERS) {
            throw new IllegalArgumentException("ECHO_PLAYERS names at most " + MAX_PLAYERS + " Echo devices");
        }
        Map<String, String> byKey = new HashMap<>();
        for (String name : names) {
            if (name.isBlank()
                    || name.length() > MAX_NAME_LENGTH
                    || name.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException(
                        "ECHO_PLAYERS: each name is 1 to " + MAX_NAME_LENGTH + " printable characters");
            }
            String key = key(name);
            if (key.isEmpty()) {
                throw new IllegalArgumentException("ECHO_PLAYERS: '" + name + "' has no letters or digits to say");
            }
            String other = byKey.put(key, name);
            if (other != null) {
                throw new IllegalArgumentException(
                        "ECHO_PLAYERS: '" + other + "' and '" + name + "' sound the same; give them different names");
            }
        }
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
