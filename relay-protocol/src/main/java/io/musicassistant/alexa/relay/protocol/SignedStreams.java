package io.musicassistant.alexa.relay.protocol;

import java.util.List;

/** Result of {@code stream.sign}, in the order of the request's uris. */
public record SignedStreams(List<SignedStream> streams) {

    public SignedStreams {
        streams = streams == null ? List.of() : List.copyOf(streams);
    }

    /** A freshly signed stream URL. */
    public record SignedStream(String uri, String url, long expiresMs) {}
}
