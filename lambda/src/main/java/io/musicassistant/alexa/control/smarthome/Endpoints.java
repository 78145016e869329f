package io.musicassistant.alexa.control.smarthome;

import io.musicassistant.alexa.control.smarthome.capabilities.Capabilities;
import io.musicassistant.alexa.control.smarthome.capabilities.Capability;
import io.musicassistant.alexa.control.smarthome.capabilities.Property;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Music Assistant players as Alexa endpoints: a stable endpoint id per player, the discovery
 * description, and the properties every declared interface reports.
 */
public final class Endpoints {

    public static final String MANUFACTURER = "Music Assistant";
    /** Characters Alexa allows in endpoint ids; ids are at most 256 characters. */
    private static final Pattern CONTROL_CHARACTERS = Pattern.compile("\\p{Cntrl}");

    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9_\\-=#;:?@&]{1,200}");
    private static final String ENCODED = "x=";
    private static final int MAX_ID_LENGTH = 256;
    private static final int MAX_NAME_LENGTH = 128;
    private static final String TRIGGER_SUFFIX = " play request";
    private static final String ALEXA_SUFFIX = "(Alexa)";
    /** Alexa takes at most this many endpoints from one skill. */
    public static final int MAX_ENDPOINTS = 300;

    private Endpoints() {}

    /** MA player ids are used as they are when Alexa allows their characters; otherwise encoded. */
    public static String endpointId(String playerId) {
        if (PLAIN_ID.matcher(playerId).matches() && !playerId.startsWith(ENCODED)) {
            return playerId;
        }
        return ENCODED
                + Base64.getUrlEncoder().withoutPadding().encodeToString(playerId.getBytes(StandardCharsets.UTF_8));
    }

    public static Optional<String> playerId(String endpointId) {
        if (endpointId == null || endpointId.isEmpty() || endpointId.length() > 256) {
            return Optional.empty();
        }
        if (!endpointId.startsWith(ENCODED)) {
            return endpointId.isBlank() ? Optional.empty() : Optional.of(endpointId);
        }
        try {
            String decoded = new String(
                    Base64.getUrlDecoder().decode(endpointId.substring(ENCODED.length())), StandardCharsets.UTF_8);
            return decoded.isBlank() ? Optional.empty() : Optional.of(decoded);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether Alexa can take the player as an endpoint: its id, encoded if need be, fits Alexa's 256 characters. */
    public static boolean describable(PlayerInfo player) {
        return endpointId(player.playerId()).length() <= MAX_ID_LENGTH;
    }

    /**
     * MA's name as Alexa's friendly name: Alexa takes at most 128 characters and no control
     * characters; a player without a name is called by its id.
     */
    static String friendlyName(PlayerInfo player) {
        String name = player.name() == null
                ? ""
                : CONTROL_CHARACTERS.matcher(player.name()).replaceAll(" ").strip();
        if (name.isEmpty()) {
            name = player.playerId();
        }
        return name.length() <= MAX_NAME_LENGTH
                ? name
                : name.substring(0, MAX_NAME_LENGTH).strip();
    }

    /** Whether the player is an Echo player (issue 16): its endpoint is a routine trigger, not a speaker. */
    public static boolean isTrigger(PlayerInfo player) {
        return PlayerInfo.TYPE_ECHO.equals(player.type());
    }

    public static List<Capability> capabilities(PlayerInfo player) {
        if (isTrigger(player)) {
            return Capabilities.TRIGGER;
        }
        return Capabilities.ALL.stream().filter(c -> c.appliesTo(player)).toList();
    }

    /** The discovery description of one player. */
    public static Map<String, Object> describe(PlayerInfo player) {
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("endpointId", endpointId(player.playerId()));
        endpoint.put("manufacturerName", MANUFACTURER);
        if (isTrigger(player)) {
            endpoint.put("friendlyName", triggerName(player));
            endpoint.put("description", "Play request of an Echo player in Music Assistant");
            endpoint.put("displayCategories", List.of("CONTACT_SENSOR"));
        } else {
            endpoint.put("friendlyName", friendlyName(player));
            endpoint.put("description", (player.isGroup() ? "Speaker group" : "Speaker") + " in Music Assistant");
            endpoint.put("displayCategories", List.of("SPEAKER"));
        }
        endpoint.put("cookie", Map.of());
        endpoint.put(
                "capabilities",
                capabilities(player).stream().map(c -> c.declaration(player)).toList());
        return endpoint;
    }

    /**
     * The name of an Echo player's trigger in the Alexa app, where the user picks it for the routine
     * ("Kitchen Echo play request"). English in every locale: discovery carries no language, nobody
     * speaks the name, and docs/setup.md can then name it exactly in every language.
     */
    public static String triggerName(PlayerInfo player) {
        String name = echoName(player);
        int room = MAX_NAME_LENGTH - TRIGGER_SUFFIX.length();
        return (name.length() <= room ? name : name.substring(0, room).strip()) + TRIGGER_SUFFIX;
    }

    /**
     * The Echo's own name: MA shows the connector's player as "Kitchen Echo (Alexa)", the user named
     * the Echo "Kitchen Echo", and that is the name of its catalog entity and its routine.
     */
    public static String echoName(PlayerInfo player) {
        String name = friendlyName(player);
        String stripped = name.endsWith(ALEXA_SUFFIX)
                ? name.substring(0, name.length() - ALEXA_SUFFIX.length()).strip()
                : name;
        return stripped.isEmpty() ? name : stripped;
    }

    /** Every property of every interface the player has, sampled now; a trigger's as not detected. */
    public static List<Property> properties(PlayerInfo player, Instant at) {
        return properties(player, false, at);
    }

    /** Every property, with {@code detected} as an Echo player's trigger state (ignored for speakers). */
    public static List<Property> properties(PlayerInfo player, boolean detected, Instant at) {
        List<Property> properties = new ArrayList<>();
        for (Capability capability : capabilities(player)) {
            properties.addAll(capability.properties(player, detected, at));
        }
        return properties;
    }
}
