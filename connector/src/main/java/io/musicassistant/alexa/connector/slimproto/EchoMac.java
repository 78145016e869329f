package io.musicassistant.alexa.connector.slimproto;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.connector.platform.Digests;
import java.util.HexFormat;

/**
 * The MACs of the connector's Echo players (issue 16): locally administered, "EC" in ASCII, then
 * one byte of the home and two of the Echo's name key. Stable per home and name, so Music
 * Assistant keeps a player's settings and queue across restarts; distinct from the stream players'
 * {@link VirtualPlayers#MAC_PREFIX}, so nothing mistakes one kind for the other.
 */
public final class EchoMac {

    public static final String PREFIX = "02:45:43:";
    /** What an Echo's player is called in MA: the Echo's name and this. */
    public static final String NAME_SUFFIX = " (Alexa)";

    private EchoMac() {}

    /** The MAC of the Echo player with this name key in this home. */
    public static String of(String instanceId, String nameKey) {
        byte[] name = Digests.sha256(instanceId + "\n" + nameKey);
        return homePrefix(instanceId) + HexFormat.ofDelimiter(":").formatHex(name, 0, 2);
    }

    /** What every Echo player of this home's MAC starts with. */
    public static String homePrefix(String instanceId) {
        return PREFIX + HexFormat.of().formatHex(Digests.sha256(instanceId), 0, 1) + ":";
    }

    /** Whether a Music Assistant player (as {@code players/all} lists it) is an Echo player of a connector. */
    public static boolean isEcho(JsonNode player) {
        return carries(player, PREFIX);
    }

    /** Whether the player, or a protocol a Universal Player wraps, has a MAC starting with {@code prefix}. */
    static boolean carries(JsonNode player, String prefix) {
        if (player.path("player_id").asText("").startsWith(prefix)) {
            return true;
        }
        for (JsonNode protocol : player.path("output_protocols")) {
            if (protocol.path("output_protocol_id").asText("").startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
