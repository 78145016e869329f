package io.musicassistant.alexa.masim.player;

import java.util.Locale;

/** MA's {@code PlayerFeature}. */
public enum PlayerFeature {
    POWER,
    VOLUME_SET,
    VOLUME_MUTE,
    PAUSE,
    SET_MEMBERS,
    MULTI_DEVICE_DSP,
    SEEK,
    NEXT_PREVIOUS,
    PLAY_ANNOUNCEMENT,
    ENQUEUE,
    SELECT_SOUND_MODE,
    SELECT_SOURCE,
    OPTIONS,
    GAPLESS_PLAYBACK,
    GAPLESS_DIFFERENT_SAMPLERATE,
    PLAY_MEDIA,
    UNKNOWN;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PlayerFeature parse(String value) {
        if ("sync".equals(value)) {
            return SET_MEMBERS;
        }
        for (PlayerFeature feature : values()) {
            if (feature.value().equals(value)) {
                return feature;
            }
        }
        return UNKNOWN;
    }
}
