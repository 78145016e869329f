package io.musicassistant.alexa.alexa;

import java.util.Map;

/** A Music Skill API response: header plus payload, serialised as {@code {"header":…,"payload":…}}. */
public record AlexaMessage(Header header, Object payload) {

    /** {@code Alexa.Response} with an empty payload, the acknowledgement of Set* directives. */
    public static AlexaMessage emptyResponse(String payloadVersion) {
        return new AlexaMessage(Header.response("Alexa", "Response", payloadVersion), Map.of());
    }

    /** An answer named after its request: {@code <requestName>.Response} in the given namespace. */
    public static AlexaMessage answer(String namespace, String requestName, String payloadVersion, Object payload) {
        return new AlexaMessage(Header.response(namespace, requestName + ".Response", payloadVersion), payload);
    }
}
