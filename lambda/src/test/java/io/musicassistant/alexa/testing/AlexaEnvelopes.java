package io.musicassistant.alexa.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What every answer of an Alexa entry point must be, whatever it was sent. The smart-home rules are
 * those of Amazon's published validation schema for skill messages
 * (alexa-samples/alexa-smarthome, validation_schemas/alexa_smart_home_message_schema.json: the
 * ErrorResponse of {@code Alexa} and of {@code Alexa.Authorization}, {@code model.MessageId},
 * {@code model.CorrelationToken}, {@code model.Endpoint}); the music rules those of the three error
 * families of docs/music-skill.md; the custom-skill rules those VoiceRequests.Answer checks.
 */
public final class AlexaEnvelopes {

    private static final Pattern MESSAGE_ID = Pattern.compile("[a-zA-Z0-9\\-]{1,127}");
    private static final Pattern ENDPOINT_ID = Pattern.compile("[a-zA-Z0-9_\\-=#;:?@&]{1,256}");
    /** Alexa ErrorResponse types with a payload field beyond type and message, and that field. */
    private static final Map<String, String> EXTRA = Map.of(
            "VALUE_OUT_OF_RANGE",
            "validRange",
            "NOT_SUPPORTED_IN_CURRENT_MODE",
            "currentDeviceMode",
            "ENDPOINT_LOW_POWER",
            "percentageState");

    private static final Set<String> SMART_HOME_TYPES = Set.of(
            "ALREADY_IN_OPERATION",
            "BRIDGE_UNREACHABLE",
            "CLOUD_CONTROL_DISABLED",
            "ENDPOINT_BUSY",
            "ENDPOINT_LOW_POWER",
            "ENDPOINT_UNREACHABLE",
            "EXPIRED_AUTHORIZATION_CREDENTIAL",
            "FIRMWARE_OUT_OF_DATE",
            "HARDWARE_MALFUNCTION",
            "INSUFFICIENT_PERMISSIONS",
            "INTERNAL_ERROR",
            "INVALID_AUTHORIZATION_CREDENTIAL",
            "INVALID_DIRECTIVE",
            "INVALID_VALUE",
            "NO_SUCH_ENDPOINT",
            "NOT_CALIBRATED",
            "NOT_SUPPORTED_IN_CURRENT_MODE",
            "NOT_IN_OPERATION",
            "POWER_LEVEL_NOT_SUPPORTED",
            "RATE_LIMIT_EXCEEDED",
            "VALUE_OUT_OF_RANGE",
            "TEMPERATURE_VALUE_OUT_OF_RANGE",
            "TOO_MANY_FAILED_ATTEMPTS",
            "PARTNER_OUTAGE");
    private static final Map<String, Set<String>> MUSIC_ERRORS = Map.of(
            "Alexa",
                    Set.of(
                            "ACCOUNT_PROBLEM",
                            "EXPIRED_AUTHORIZATION_CREDENTIAL",
                            "INVALID_AUTHORIZATION_CREDENTIAL",
                            "INVALID_DIRECTIVE",
                            "RATE_LIMIT_EXCEEDED",
                            "INTERNAL_ERROR"),
            "Alexa.Media",
                    Set.of(
                            "CONTENT_NOT_FOUND",
                            "CRITERIA_NOT_FOUND",
                            "ITEM_NOT_FOUND",
                            "INVALID_ITEM",
                            "CONTENT_FILTERED"),
            "Alexa.Audio", Set.of("ITEM_NOT_FOUND", "SKIP_LIMIT_REACHED"));

    private AlexaEnvelopes() {}

    /**
     * A custom-skill response: version 1.0 and a response object; speech, when there is any, of a
     * documented type; a session left open only with a reprompt.
     */
    public static void assertCustom(JsonNode answer) {
        check("1.0".equals(answer.path("version").textValue()), "version \"1.0\"", answer);
        JsonNode response = answer.path("response");
        check(response.isObject(), "response object", answer);
        JsonNode speech = response.path("outputSpeech");
        if (!speech.isMissingNode()) {
            String type = speech.path("type").asText();
            check(
                    type.equals("PlainText") && speech.path("text").isTextual()
                            || type.equals("SSML")
                                    && speech.path("ssml").textValue() != null
                                    && speech.path("ssml").textValue().startsWith("<speak>"),
                    "outputSpeech",
                    answer);
        }
        JsonNode end = response.path("shouldEndSession");
        check(end.isMissingNode() || end.isBoolean(), "shouldEndSession boolean", answer);
        if (end.isBoolean() && !end.booleanValue()) {
            check(response.path("reprompt").path("outputSpeech").isObject(), "open session with a reprompt", answer);
        }
    }

    /** The answer of the control skill's one endpoint: a smart-home event or a custom-skill response. */
    public static void assertControl(JsonNode answer) {
        if (answer.has("event")) {
            assertSmartHome(answer);
        } else {
            assertCustom(answer);
        }
    }

    private static void check(boolean ok, String what, JsonNode answer) {
        if (!ok) {
            throw new AssertionError(what + ": " + answer);
        }
    }

    /** A smart-home ErrorResponse as Amazon's schema has it, with no field the schema does not list. */
    public static void assertSmartHomeError(JsonNode answer) {
        check(answer.isObject() && answer.size() == 1 && answer.path("event").isObject(), "only an event", answer);
        JsonNode event = answer.path("event");
        for (Iterator<String> f = event.fieldNames(); f.hasNext(); ) {
            check(Set.of("header", "endpoint", "payload").contains(f.next()), "event fields", answer);
        }
        JsonNode header = event.path("header");
        String namespace = header.path("namespace").asText();
        check(Set.of("Alexa", "Alexa.Authorization").contains(namespace), "namespace", answer);
        check("ErrorResponse".equals(header.path("name").textValue()), "name", answer);
        check("3".equals(header.path("payloadVersion").textValue()), "payloadVersion \"3\"", answer);
        check(
                header.path("messageId").isTextual()
                        && MESSAGE_ID
                                .matcher(header.path("messageId").textValue())
                                .matches(),
                "messageId",
                answer);
        for (Iterator<String> f = header.fieldNames(); f.hasNext(); ) {
            check(
                    Set.of("namespace", "name", "payloadVersion", "messageId", "correlationToken")
                            .contains(f.next()),
                    "header fields",
                    answer);
        }
        if (header.has("correlationToken")) {
            check(
                    header.path("correlationToken").isTextual()
                            && !header.path("correlationToken").textValue().isEmpty(),
                    "correlationToken is a non-empty string",
                    answer);
        }
        if (event.has("endpoint")) {
            JsonNode endpoint = event.path("endpoint");
            check(
                    endpoint.path("endpointId").isTextual()
                            && ENDPOINT_ID
                                    .matcher(endpoint.path("endpointId").textValue())
                                    .matches(),
                    "endpointId",
                    answer);
            // The schema allows a scope with a non-empty token; we never echo tokens at all.
            check(!endpoint.has("scope") && endpoint.size() == 1, "endpoint holds only its id", answer);
        }
        JsonNode payload = event.path("payload");
        String type = payload.path("type").asText();
        check(payload.path("message").isTextual(), "payload.message", answer);
        if (namespace.equals("Alexa.Authorization")) {
            check(type.equals("ACCEPT_GRANT_FAILED") && payload.size() == 2, "Alexa.Authorization payload", answer);
        } else {
            check(SMART_HOME_TYPES.contains(type), "payload.type " + type, answer);
            String extra = EXTRA.get(type);
            check(
                    payload.size() == 2 || extra != null && payload.size() == 3 && payload.has(extra),
                    "payload fields",
                    answer);
        }
    }

    /** Any smart-home answer: an ErrorResponse as above, or an event with a header of payload version "3". */
    public static void assertSmartHome(JsonNode answer) {
        if ("ErrorResponse"
                .equals(answer.path("event").path("header").path("name").asText())) {
            assertSmartHomeError(answer);
            return;
        }
        JsonNode header = answer.path("event").path("header");
        check("3".equals(header.path("payloadVersion").textValue()), "payloadVersion \"3\"", answer);
        check(MESSAGE_ID.matcher(header.path("messageId").asText()).matches(), "messageId", answer);
        check(answer.path("event").path("payload").isObject(), "payload", answer);
        check(!answer.path("event").path("endpoint").has("scope"), "no scope echoed", answer);
    }

    /** A music answer: header and payload; errors of the three documented families with their versions. */
    public static void assertMusic(JsonNode answer) {
        if (answer.has("version")) {
            assertCustom(answer); // the acknowledgement of a skill event
            return;
        }
        check(answer.isObject() && answer.path("payload").isObject(), "header and payload", answer);
        JsonNode header = answer.path("header");
        check(MESSAGE_ID.matcher(header.path("messageId").asText()).matches(), "messageId", answer);
        check(header.path("namespace").isTextual() && header.path("name").isTextual(), "namespace and name", answer);
        if ("ErrorResponse".equals(header.path("name").asText())) {
            String namespace = header.path("namespace").asText();
            check(MUSIC_ERRORS.containsKey(namespace), "error namespace", answer);
            check(
                    (namespace.equals("Alexa") ? "3.0" : "1.0")
                            .equals(header.path("payloadVersion").textValue()),
                    "version",
                    answer);
            check(
                    MUSIC_ERRORS
                            .get(namespace)
                            .contains(answer.path("payload").path("type").asText()),
                    "error type",
                    answer);
            check(!answer.path("payload").path("message").asText().isEmpty(), "message", answer);
        } else {
            check(header.path("payloadVersion").isTextual(), "payloadVersion", answer);
        }
    }
}
