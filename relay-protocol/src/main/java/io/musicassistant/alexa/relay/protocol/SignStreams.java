package io.musicassistant.alexa.relay.protocol;

import java.util.List;

/** Arguments of {@code stream.sign}: Music Assistant uris whose stream URLs need renewing. */
public record SignStreams(List<String> uris) {

    public static final int MAX_URIS = 100;

    public SignStreams {
        if (uris == null || uris.isEmpty() || uris.size() > MAX_URIS) {
            throw new ProtocolException("stream.sign needs 1.." + MAX_URIS + " uris");
        }
        uris = List.copyOf(uris);
    }
}
