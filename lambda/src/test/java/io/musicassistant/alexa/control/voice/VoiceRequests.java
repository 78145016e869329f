package io.musicassistant.alexa.control.voice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.alexa.AlexaJson;
import io.musicassistant.alexa.testing.CloudFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Custom-skill requests as Alexa sends them (shape of notes/smarthome-fixtures/Custom.*.json), and
 * a reader for the answers. Requests go to the real VoiceSkill of a {@link CloudFixture}.
 */
final class VoiceRequests {

    static final String SKILL_ID = "amzn1.ask.skill.8f1e2c3d-0000-4000-8000-00000000v01c";

    private VoiceRequests() {}

    /** A request under construction. */
    static final class Req {
        private final ObjectNode root = AlexaJson.mapper().createObjectNode();
        private final ObjectNode request;

        private Req(String type) {
            root.put("version", "1.0");
            ObjectNode session = root.putObject("session");
            session.put("new", true).put("sessionId", "amzn1.echo-api.session." + UUID.randomUUID());
            session.putObject("application").put("applicationId", SKILL_ID);
            session.putObject("attributes");
            session.putObject("user").put("userId", "amzn1.ask.account.TEST");
            ObjectNode system = root.putObject("context").putObject("System");
            system.putObject("application").put("applicationId", SKILL_ID);
            system.putObject("user").put("userId", "amzn1.ask.account.TEST");
            system.putObject("device").put("deviceId", "amzn1.ask.device.TEST").putObject("supportedInterfaces");
            system.put("apiEndpoint", "https://api.eu.amazonalexa.com")
                    .put("apiAccessToken", "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.e30.c2ln");
            request = root.putObject("request");
            request.put("type", type)
                    .put("requestId", "amzn1.echo-api.request." + UUID.randomUUID())
                    .put("timestamp", "2025-01-15T10:20:30Z")
                    .put("locale", "en-US");
        }

        Req token(String token) {
            for (ObjectNode user : List.of(
                    root.with("session").with("user"),
                    root.with("context").with("System").with("user"))) {
                if (token == null) {
                    user.remove("accessToken");
                } else {
                    user.put("accessToken", token);
                }
            }
            return this;
        }

        Req locale(String locale) {
            request.put("locale", locale);
            return this;
        }

        Req applicationId(String id) {
            root.with("session").with("application").put("applicationId", id);
            root.with("context").with("System").with("application").put("applicationId", id);
            return this;
        }

        /** Continues a session: its attributes as the previous answer left them. */
        Req session(JsonNode previousAnswer) {
            ObjectNode session = root.with("session");
            session.put("new", false);
            JsonNode attributes = previousAnswer.path("sessionAttributes");
            session.set(
                    "attributes",
                    attributes.isObject()
                            ? attributes.deepCopy()
                            : AlexaJson.mapper().createObjectNode());
            return this;
        }

        private ObjectNode slotNode(String name) {
            ObjectNode slots = request.with("intent").with("slots");
            ObjectNode slot = slots.with(name);
            slot.put("name", name).put("confirmationStatus", "NONE").put("source", "USER");
            return slot;
        }

        /** A slot the user filled, without entity resolution (AMAZON.NUMBER, SearchQuery, an unresolved room). */
        Req slot(String name, String value) {
            slotNode(name).put("value", value);
            return this;
        }

        /** A slot that entity resolution matched to a dynamic entity (a player id we pushed). */
        Req dynamicSlot(String name, String value, String type, String id, String canonical) {
            ObjectNode slot = slotNode(name).put("value", value);
            ArrayNode authorities = slot.with("resolutions").putArray("resolutionsPerAuthority");
            authorities
                    .addObject()
                    .put("authority", "amzn1.er-authority.echo-sdk." + SKILL_ID + "." + type)
                    .putObject("status")
                    .put("code", "ER_SUCCESS_NO_MATCH");
            ObjectNode dynamic = authorities
                    .addObject()
                    .put("authority", "amzn1.er-authority.echo-sdk.dynamic." + SKILL_ID + "." + type);
            dynamic.putObject("status").put("code", "ER_SUCCESS_MATCH");
            dynamic.putArray("values")
                    .addObject()
                    .putObject("value")
                    .put("name", canonical)
                    .put("id", id);
            return this;
        }

        /** A slot that entity resolution matched to one of the model's own values. */
        Req staticSlot(String name, String value, String type, String id, String canonical) {
            ObjectNode slot = slotNode(name).put("value", value);
            ObjectNode authority = slot.with("resolutions")
                    .putArray("resolutionsPerAuthority")
                    .addObject()
                    .put("authority", "amzn1.er-authority.echo-sdk." + SKILL_ID + "." + type);
            authority.putObject("status").put("code", "ER_SUCCESS_MATCH");
            authority
                    .putArray("values")
                    .addObject()
                    .putObject("value")
                    .put("name", canonical)
                    .put("id", id);
            return this;
        }

        ObjectNode tree() {
            return root;
        }

        String json() {
            return root.toString();
        }
    }

    static Req intent(String name, String token) {
        Req r = new Req("IntentRequest").token(token);
        r.request.with("intent").put("name", name).put("confirmationStatus", "NONE");
        r.request.with("intent").putObject("slots");
        return r;
    }

    static Req launch(String token) {
        return new Req("LaunchRequest").token(token);
    }

    static Req sessionEnded(String token) {
        Req r = new Req("SessionEndedRequest").token(token);
        r.request.put("reason", "USER_INITIATED");
        return r;
    }

    static Answer send(CloudFixture cloud, Req request) {
        return send(cloud, request.json().getBytes(StandardCharsets.UTF_8));
    }

    static Answer send(CloudFixture cloud, byte[] raw) {
        try {
            return new Answer(AlexaJson.mapper()
                    .readTree(cloud.wiring.controlSkill().voice().handle(raw)));
        } catch (IOException e) {
            throw new IllegalStateException("the answer is not JSON", e);
        }
    }

    /** A custom-skill response, read. */
    record Answer(JsonNode json) {

        /** What Alexa says, as plain text (SSML unwrapped and unescaped). */
        String speech() {
            return text(json.path("response").path("outputSpeech"));
        }

        String reprompt() {
            return text(json.path("response").path("reprompt").path("outputSpeech"));
        }

        private static String text(JsonNode speech) {
            if ("PlainText".equals(speech.path("type").asText())) {
                return speech.path("text").asText();
            }
            String ssml = speech.path("ssml").asText();
            if (!ssml.startsWith("<speak>") || !ssml.endsWith("</speak>")) {
                throw new AssertionError("not SSML: " + ssml);
            }
            String inner = ssml.substring("<speak>".length(), ssml.length() - "</speak>".length());
            if (inner.contains("<") || inner.contains(">")) {
                throw new AssertionError("unescaped markup in " + ssml);
            }
            return inner.replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&apos;", "'")
                    .replace("&amp;", "&");
        }

        boolean endsSession() {
            JsonNode end = json.path("response").path("shouldEndSession");
            if (!end.isBoolean()) {
                throw new AssertionError("shouldEndSession missing: " + json);
            }
            return end.asBoolean();
        }

        boolean linkAccountCard() {
            return "LinkAccount"
                    .equals(json.path("response").path("card").path("type").asText());
        }

        /** The ids of the ROOM dynamic entities the answer pushes, or null when it pushes none. */
        List<String> roomEntityIds() {
            for (JsonNode d : json.path("response").path("directives")) {
                if ("Dialog.UpdateDynamicEntities".equals(d.path("type").asText())) {
                    if (!"REPLACE".equals(d.path("updateBehavior").asText())) {
                        throw new AssertionError("dynamic entities not replaced: " + d);
                    }
                    List<String> ids = new ArrayList<>();
                    for (JsonNode type : d.path("types")) {
                        if ("ROOM".equals(type.path("name").asText())) {
                            type.path("values")
                                    .forEach(v -> ids.add(v.path("id").asText() + "="
                                            + v.path("name").path("value").asText()));
                        }
                    }
                    return ids;
                }
            }
            return null;
        }

        JsonNode sessionAttributes() {
            return json.path("sessionAttributes");
        }

        /** Checks what every answer must be: version 1.0, output speech, shouldEndSession. */
        Answer valid() {
            if (!"1.0".equals(json.path("version").asText())) {
                throw new AssertionError("version is not 1.0: " + json);
            }
            if (speech().isBlank()) {
                throw new AssertionError("no speech: " + json);
            }
            endsSession();
            if (!endsSession() && reprompt().isBlank()) {
                throw new AssertionError("open session without reprompt: " + json);
            }
            return this;
        }

        @Override
        public String toString() {
            return json.toString();
        }
    }
}
