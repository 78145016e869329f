package io.musicassistant.alexa.connector.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.connector.audio.Acquisition;
import io.musicassistant.alexa.connector.stream.StreamSigner;
import io.musicassistant.alexa.relay.protocol.PrefetchStreams;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.RelayProtocol;
import java.util.Map;

/**
 * {@code stream.prefetch}: the cloud's queue knows what plays next (shuffled or not), so it names
 * the coming tracks and the connector downloads them while players are free. Only uris of the
 * shapes the connector signs are taken, and never live radio.
 */
public final class StreamPrefetchCommand implements RelayCommandHandler {

    private final Acquisition audio;

    public StreamPrefetchCommand(Acquisition audio) {
        this.audio = audio;
    }

    @Override
    public RelayProtocol.Command command() {
        return RelayProtocol.Command.STREAM_PREFETCH;
    }

    @Override
    public JsonNode execute(JsonNode args) {
        PrefetchStreams request = RelayJson.convert(args, PrefetchStreams.class);
        var uris = request.uris().stream()
                .filter(uri -> StreamSigner.MA_URI.matcher(uri).matches() && !Acquisition.isLive(uri))
                .toList();
        audio.prefetch(uris);
        return RelayJson.tree(Map.of("accepted", uris.size()));
    }
}
