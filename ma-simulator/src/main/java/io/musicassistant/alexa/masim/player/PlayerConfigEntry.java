package io.musicassistant.alexa.masim.player;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The definition of one player setting (MA's {@code ConfigEntry} without its value). Only the
 * settings the simulator acts on are modelled.
 *
 * @param type MA's {@code ConfigEntryType} value ("boolean", "string")
 */
public record PlayerConfigEntry(
        String key,
        String type,
        String label,
        Object defaultValue,
        List<Option> options,
        String description,
        String category,
        boolean advanced,
        boolean hidden,
        boolean requiresReload) {

    public static final String HIDE_IN_UI = "hide_in_ui";
    public static final String EXPOSE_TO_HA = "expose_player_to_ha";
    public static final String OUTPUT_CODEC = "output_codec";
    public static final String FLOW_MODE = "flow_mode";
    public static final String HTTP_PROFILE = "http_profile";
    public static final String POWER_CONTROL = "power_control";
    public static final String VOLUME_CONTROL = "volume_control";
    public static final String MUTE_CONTROL = "mute_control";
    /** The control types a config can name (constants.py {@code PLAYER_CONTROL_*}); anything else is "auto". */
    public static final Set<String> CONTROL_TYPES = Set.of("native", "fake", "none");

    /** {@code ConfigValueOption}. */
    public record Option(String title, Object value) {}

    public PlayerConfigEntry {
        options = List.copyOf(options);
    }

    /** MA's {@code ConfigEntry.parse_value} conversions: bool(x) for booleans, null → default. */
    Object parse(Object value) {
        if (value == null) {
            return defaultValue;
        }
        if ("boolean".equals(type)) {
            return switch (value) {
                case Boolean b -> b;
                case Number n -> n.doubleValue() != 0;
                case String s -> !s.isEmpty(); // Python's bool("false") is True
                default -> value;
            };
        }
        return value;
    }

    /** The entries every player has (constants.py @00153a25: CONF_ENTRY_*). */
    static List<PlayerConfigEntry> forPlayer(boolean slimproto) {
        PlayerConfigEntry hide = new PlayerConfigEntry(
                HIDE_IN_UI,
                "boolean",
                "Hide this player in the user interface",
                false,
                List.of(),
                "Hide this player in the user interface.",
                "generic",
                false,
                false,
                false);
        PlayerConfigEntry expose = new PlayerConfigEntry(
                EXPOSE_TO_HA,
                "boolean",
                "Expose this player to Home Assistant",
                true,
                List.of(),
                "Expose this player to the Home Assistant integration. \n"
                        + "If disabled, this player will not be imported into Home Assistant.",
                "advanced",
                false,
                false,
                false);
        PlayerConfigEntry flow = new PlayerConfigEntry(
                FLOW_MODE,
                "boolean",
                "Enable queue flow mode",
                false,
                List.of(),
                "Enable \"flow\" mode where all queue tracks are sent as a continuous audio stream.",
                "advanced",
                true,
                false,
                false);
        PlayerConfigEntry codec = new PlayerConfigEntry(
                OUTPUT_CODEC,
                "string",
                "Output codec to use for streaming audio to the player",
                "flac",
                List.of(
                        new Option("FLAC (lossless, compressed)", "flac"), new Option("MP3 (lossy)", "mp3"),
                        new Option("AAC (lossy)", "aac"), new Option("WAV (lossless, uncompressed)", "wav")),
                "Select the codec to use for streaming audio to this player.",
                "protocol_generic",
                true,
                false,
                true);
        List<PlayerConfigEntry> controls = List.of(
                control(POWER_CONTROL, "Power Control"),
                control(VOLUME_CONTROL, "Volume Control"),
                control(MUTE_CONTROL, "Mute Control"));
        if (!slimproto) {
            return concat(List.of(hide, expose, flow, codec), controls);
        }
        // squeezelite forces this hidden profile: /single answers without Content-Length
        PlayerConfigEntry profile = new PlayerConfigEntry(
                HTTP_PROFILE,
                "string",
                "HTTP profile used for sending audio",
                "no_content_length",
                List.of(),
                null,
                "advanced",
                true,
                true,
                false);
        return concat(List.of(hide, expose, flow, codec, profile), controls);
    }

    /**
     * MA's player control entries ({@code CONF_POWER_CONTROL}, {@code CONF_VOLUME_CONTROL},
     * {@code CONF_MUTE_CONTROL}): unset, the player's own control ("auto"); "none" takes it away.
     */
    private static PlayerConfigEntry control(String key, String label) {
        return new PlayerConfigEntry(
                key,
                "string",
                label,
                null,
                List.of(new Option("None", "none"), new Option("Fake", "fake"), new Option("Native", "native")),
                null,
                "player_controls",
                false,
                false,
                false);
    }

    private static List<PlayerConfigEntry> concat(List<PlayerConfigEntry> a, List<PlayerConfigEntry> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
