package io.musicassistant.alexa.relay.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Arguments of {@code player.control}: one action on one player. {@code value} carries the action's
 * number (volume level 0–100, volume change −100–100) and {@code on} its switch (mute, shuffle, power);
 * {@code repeat} is {@code off}, {@code one} or {@code all}.
 */
public record PlayerAction(String playerId, Action action, Integer value, Boolean on, String repeat) {

    /** What can be done to a player. */
    public enum Action {
        PLAY,
        PAUSE,
        STOP,
        NEXT,
        PREVIOUS,
        POWER,
        VOLUME_SET,
        VOLUME_ADJUST,
        VOLUME_UP,
        VOLUME_DOWN,
        MUTE,
        SHUFFLE,
        REPEAT;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Action fromWire(String value) {
            try {
                return valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new ProtocolException("unknown player action");
            }
        }
    }

    public PlayerAction {
        new PlayerRef(playerId);
        if (action == null) {
            throw new ProtocolException("action is required");
        }
        switch (action) {
            case VOLUME_SET -> require(value != null && value >= 0 && value <= 100, "volume_set needs value 0..100");
            case VOLUME_ADJUST ->
                require(value != null && value >= -100 && value <= 100, "volume_adjust needs value -100..100");
            case POWER, MUTE, SHUFFLE -> require(on != null, action.wireName() + " needs on");
            case REPEAT ->
                require(
                        "off".equals(repeat) || "one".equals(repeat) || "all".equals(repeat),
                        "repeat needs off, one or all");
            default -> {}
        }
    }

    public static PlayerAction of(String playerId, Action action) {
        return new PlayerAction(playerId, action, null, null, null);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new ProtocolException(message);
        }
    }
}
