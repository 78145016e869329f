package io.musicassistant.alexa.masim.library;

/** The part of MA's {@code AudioFormat} that differs between our mappings; the rest is fixed. */
public record AudioFormat(String contentType, int sampleRate, int bitDepth, int bitRate) {

    /** What MA reports for non-track items (artists, albums, playlists): content type unknown. */
    public static final AudioFormat UNKNOWN = new AudioFormat("?", 44100, 16, 0);
}
