package io.musicassistant.alexa.connector.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.connector.platform.CommandFailure;
import io.musicassistant.alexa.connector.stream.StreamSigner;
import io.musicassistant.alexa.relay.protocol.RelayError;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.RelayProtocol;
import io.musicassistant.alexa.relay.protocol.SignStreams;
import io.musicassistant.alexa.relay.protocol.SignedStreams;

/**
 * {@code stream.sign}: fresh URLs for tracks already resolved. Only strings shaped like Music
 * Assistant uris are signed (a compromised cloud cannot make the home sign arbitrary paths); any
 * other is left out of the answer rather than failing the batch, and the cloud keeps its old URL.
 */
public final class StreamSignCommand implements RelayCommandHandler {

    private final StreamSigner signer;

    public StreamSignCommand(StreamSigner signer) {
        this.signer = signer;
    }

    @Override
    public RelayProtocol.Command command() {
        return RelayProtocol.Command.STREAM_SIGN;
    }

    @Override
    public JsonNode execute(JsonNode args) {
        SignStreams request = RelayJson.convert(args, SignStreams.class);
        if (!signer.hasPublicBase()) {
            throw new CommandFailure(RelayError.NO_STREAM_BASE, "no public stream base configured (STREAM_BASE)");
        }
        var streams = request.uris().stream()
                .filter(uri -> StreamSigner.MA_URI.matcher(uri).matches())
                .map(uri -> {
                    StreamSigner.Signed s = signer.stream(uri);
                    return new SignedStreams.SignedStream(uri, s.url(), s.expiresMs());
                })
                .toList();
        return RelayJson.tree(new SignedStreams(streams));
    }
}
