package io.musicassistant.alexa.masim.stream;

import io.musicassistant.alexa.masim.audio.Mp3Audio;
import io.musicassistant.alexa.masim.library.MediaItem;
import io.musicassistant.alexa.masim.library.ProviderMapping;
import io.musicassistant.alexa.masim.library.Radio;
import io.musicassistant.alexa.masim.library.Track;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of one item's stream: a window of its {@link Mp3Audio} byte sequence (a track from the
 * frame holding the seek position to its end, a radio without end), behind a "fLaC"/"RIFF" marker
 * for flac/wav, and the source that decides its pacing.
 */
record StreamBody(long seed, long start, long length, byte[] marker, Source source) {

    /** Which pacing applies: MA paces music services and radio, never own files. */
    enum Source {
        OWN_FILE,
        MUSIC_SERVICE,
        RADIO
    }

    static StreamBody of(MediaItem media, String fmt, int seekSeconds) {
        long seed = Mp3Audio.seed(media.uri());
        byte[] marker = switch (fmt) {
            case "flac" -> "fLaC".getBytes(StandardCharsets.US_ASCII);
            case "wav" -> "RIFF".getBytes(StandardCharsets.US_ASCII);
            default -> new byte[0];
        };
        if (media instanceof Track track) {
            long total = Mp3Audio.length(track.duration());
            // a seek starts the body at the frame holding that position
            long start = Math.min(
                    total - Mp3Audio.FRAME_BYTES,
                    (long) seekSeconds * 1000 / Mp3Audio.FRAME_MILLIS * Mp3Audio.FRAME_BYTES);
            start = Math.max(0, start);
            return new StreamBody(
                    seed, start, total - start, marker, isOwnFile(media) ? Source.OWN_FILE : Source.MUSIC_SERVICE);
        }
        return new StreamBody(
                seed, 0, Long.MAX_VALUE, marker, media instanceof Radio ? Source.RADIO : Source.MUSIC_SERVICE);
    }

    /** Own files (filesystem providers) are read as fast as possible; music services are paced. */
    static boolean isOwnFile(MediaItem media) {
        for (ProviderMapping mapping : media.providerMappings()) {
            if (mapping.providerDomain().startsWith("filesystem")) {
                return true;
            }
        }
        return false;
    }

    void fill(long bodyOffset, byte[] out, int count) {
        Mp3Audio.fill(seed, start + bodyOffset, out, 0, count);
        for (int i = 0; i < count && bodyOffset + i < marker.length; i++) {
            out[i] = marker[(int) (bodyOffset + i)];
        }
    }
}
