package io.musicassistant.alexa.music;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.alexa.DirectiveName;
import io.musicassistant.alexa.alexa.Fields;
import io.musicassistant.alexa.music.model.Header;
import java.time.Instant;

/**
 * A directive after the envelope checks: who sent it and when it must be answered by.
 *
 * @param header the request header
 * @param payload the request payload (an object)
 * @param userId the Login-with-Amazon user id the access token belongs to
 * @param deadline the instant relay calls made for this directive must give up
 */
public record MusicRequest(Header header, JsonNode payload, String userId, Instant deadline) {

    public DirectiveName directive() {
        return new DirectiveName(header.namespace(), header.name());
    }

    /** {@code filters.explicitLanguageAllowed}; absent means allowed. */
    public boolean explicitAllowed() {
        return Fields.bool(payload.path("filters"), "explicitLanguageAllowed", true);
    }

    public String locale() {
        return Fields.text(payload.path("requestContext").path("location"), "originatingLocale", "en-US");
    }
}
