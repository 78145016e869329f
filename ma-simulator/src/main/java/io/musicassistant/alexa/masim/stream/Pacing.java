package io.musicassistant.alexa.masim.stream;

/**
 * How fast the stream server hands out an item, as ffmpeg's {@code -readrate_initial_burst} and
 * {@code -readrate} do in MA: {@code burstSeconds} of audio at once, then {@code rate} times real
 * time. A rate of 0 means unpaced (as fast as the socket takes it).
 *
 * <p>MA's values ({@code controllers/streams/constants.py} @12b377404faa73e3d52c2f2f6c8f1bbc8e80aa3d,
 * PR #6237): {@code PacingProfile.DEFAULT} 60 s burst then 1.1× for a single item of a music
 * service, {@code NEAR_REALTIME} 3 s then 1.01× for radio; own files are not paced (PR #5823).
 */
public record Pacing(double burstSeconds, double rate) {

    public static final Pacing NONE = new Pacing(0, 0);
    public static final Pacing SINGLE_ITEM = new Pacing(60, 1.1);
    public static final Pacing NEAR_REALTIME = new Pacing(3, 1.01);

    public Pacing {
        if (burstSeconds < 0 || rate < 0 || Double.isNaN(burstSeconds) || Double.isNaN(rate)) {
            throw new IllegalArgumentException("burstSeconds and rate must be >= 0");
        }
    }

    public boolean paced() {
        return rate > 0;
    }

    /** Bytes that may have left {@code seconds} after the start, at {@code bytesPerSecond} of audio. */
    double allowedBytes(double seconds, int bytesPerSecond) {
        return paced() ? bytesPerSecond * (burstSeconds + rate * seconds) : Double.POSITIVE_INFINITY;
    }

    /** Seconds after the start at which {@code bytes} may have left. */
    double secondsUntil(double bytes, int bytesPerSecond) {
        return paced() ? Math.max(0, (bytes / bytesPerSecond - burstSeconds) / rate) : 0;
    }
}
