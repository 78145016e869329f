package io.musicassistant.alexa.connector.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.connector.content.ContentResolver;
import io.musicassistant.alexa.relay.protocol.ContentQuery;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.RelayProtocol;

/** {@code content.resolve}: a {@link ContentQuery} in, resolved content with signed streams out. */
public final class ContentResolveCommand implements RelayCommandHandler {

    private final ContentResolver resolver;

    public ContentResolveCommand(ContentResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public RelayProtocol.Command command() {
        return RelayProtocol.Command.CONTENT_RESOLVE;
    }

    @Override
    public JsonNode execute(JsonNode args) {
        return RelayJson.tree(resolver.resolve(RelayJson.convert(args, ContentQuery.class)));
    }
}
