package io.musicassistant.alexa.music.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.musicassistant.alexa.alexa.AlexaError;
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

    /** The envelope of each error family: {@code Alexa.ErrorResponse} 3.0, {@code Alexa.Media} and {@code Alexa.Audio} 1.0. */
    public static AlexaMessage error(AlexaError error) {
        return switch (error) {
            case AlexaError.General e ->
                new AlexaMessage(
                        Header.response("Alexa", "ErrorResponse", "3.0"),
                        new ErrorPayload(e.type(), e.message(), null));
            case AlexaError.Media e ->
                new AlexaMessage(
                        Header.response("Alexa.Media", "ErrorResponse", "1.0"),
                        new ErrorPayload(e.type(), e.message(), null));
            case AlexaError.Audio e ->
                new AlexaMessage(
                        Header.response("Alexa.Audio", "ErrorResponse", "1.0"),
                        new ErrorPayload(e.type(), e.message(), e.retryPeriod()));
        };
    }

    /** The error payload shared by all three families. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ErrorPayload(String type, String message, String retryPeriod) {}
}
