package io.musicassistant.alexa.masim.slimproto;

/**
 * aioslimproto's {@code SlimProtoVolume} (volume.py @8847b791, from Slim::Player::Squeezebox2):
 * the two gain forms an {@code audg} carries, old (0–128 table) and new (16.16 fixed point).
 */
final class SlimVolume {

    private static final int[] OLD_MAP = {
        0, 1, 1, 1, 2, 2, 2, 3, 3, 4, 5, 5, 6, 6, 7, 8, 9, 9, 10, 11, 12, 13, 14, 15, 16, 16, 17, 18, 19, 20, 22, 23,
        24, 25, 26, 27, 28, 29, 30, 32, 33, 34, 35, 37, 38, 39, 40, 42, 43, 44, 46, 47, 48, 50, 51, 53, 54, 56, 57, 59,
        60, 61, 63, 65, 66, 68, 69, 71, 72, 74, 75, 77, 79, 80, 82, 84, 85, 87, 89, 90, 92, 94, 96, 97, 99, 101, 103,
        104, 106, 108, 110, 112, 113, 115, 117, 119, 121, 123, 125, 127, 128
    };
    private static final double TOTAL_VOLUME_RANGE = -50;
    private static final double STEP_POINT = -1;
    private static final double STEP_FRACTION = 1;

    private SlimVolume() {}

    static long oldGain(int volume) {
        return volume <= 0 ? 0 : OLD_MAP[Math.min(100, volume)];
    }

    static long newGain(int volume) {
        if (volume <= 0) {
            return 0;
        }
        double decibel = decibels(volume);
        double multiplier = Math.pow(10, decibel / 20.0);
        if (decibel >= -30 && decibel <= 0) {
            return (long) (multiplier * (1 << 8) + 0.5) * (1 << 8);
        }
        return (long) (multiplier * (1 << 16) + 0.5);
    }

    /** Kept as in volume.py, operator precedence included, so the gains match MA's. */
    private static double decibels(int volume) {
        double stepDb = TOTAL_VOLUME_RANGE * STEP_FRACTION;
        double maxVolumeDb = 0;
        double slopeHigh = maxVolumeDb - stepDb / (100.0 - STEP_POINT);
        double slopeLow = stepDb - TOTAL_VOLUME_RANGE / (STEP_POINT - 0.0);
        double m;
        double x1;
        double y1;
        if (volume > STEP_POINT) {
            m = slopeHigh;
            x1 = 100;
            y1 = maxVolumeDb;
        } else {
            m = slopeLow;
            x1 = 0;
            y1 = TOTAL_VOLUME_RANGE;
        }
        return m * (volume - x1) + y1;
    }
}
