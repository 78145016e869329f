package io.musicassistant.alexa.masim.slimproto;

import io.musicassistant.alexa.masim.player.PlaybackState;
import io.musicassistant.alexa.masim.player.PlayerDevice;
import io.musicassistant.alexa.masim.player.PlayerFeature;
import io.musicassistant.alexa.masim.player.PlayerState;
import io.musicassistant.alexa.masim.player.PlayerType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What MA's squeezelite provider makes of a slimproto client
 * ({@code SqueezelitePlayer.__init__/update_attributes}, providers/squeezelite/player.py
 * @01af2f4e6a65d22b1c1ca80aa8fdc5c50593cdac).
 */
public final class SqueezelitePlayers {

    /**
     * The provider instance the simulated MA runs; the seeded (unavailable) "Garage" player
     * belongs to the same one.
     */
    public static final String PROVIDER_INSTANCE = "squeezelite--Hn3B6vQw";

    public static final String PROTOCOL_DOMAIN = "squeezelite";
    /** providers/squeezelite/constants.py {@code DEFAULT_PLAYER_VOLUME}. */
    public static final int DEFAULT_VOLUME = 20;

    /** player.py: the features a SqueezelitePlayer declares. */
    public static final List<PlayerFeature> FEATURES = List.of(
            PlayerFeature.POWER,
            PlayerFeature.SET_MEMBERS,
            PlayerFeature.MULTI_DEVICE_DSP,
            PlayerFeature.VOLUME_SET,
            PlayerFeature.PAUSE,
            PlayerFeature.ENQUEUE,
            PlayerFeature.GAPLESS_PLAYBACK,
            PlayerFeature.GAPLESS_DIFFERENT_SAMPLERATE);

    private SqueezelitePlayers() {}

    /**
     * The player as registered. Every device type becomes a native {@code player}: MA 2.8+ makes
     * software clients (e.g. squeezeplay, id 12) PROTOCOL players wrapped in a Universal Player,
     * which the simulator does not do (see README, "Deviations").
     */
    static PlayerState state(Helo helo, String name, boolean powered, int volume, String ipAddress, double now) {
        Map<String, String> identifiers = new LinkedHashMap<>();
        identifiers.put("mac_address", helo.playerId().toUpperCase(Locale.ROOT));
        identifiers.put("ip_address", ipAddress);
        PlayerDevice device = new PlayerDevice(
                helo.playerId(),
                PROVIDER_INSTANCE,
                PlayerType.PLAYER,
                new PlayerDevice.DeviceInfo(helo.model(), helo.deviceType(), helo.firmware(), null, null, identifiers),
                FEATURES,
                List.of(),
                List.of(PROVIDER_INSTANCE),
                List.of(),
                "native",
                "native",
                "none",
                List.of(new PlayerDevice.OutputProtocol(
                        "native", "Native (Slimproto)", PROTOCOL_DOMAIN, true, 0, true)));
        return new PlayerState(
                device,
                name,
                true,
                PlaybackState.IDLE,
                0.0,
                now,
                powered,
                volume,
                false,
                List.of(),
                null,
                helo.playerId(),
                null,
                true,
                false);
    }
}
