package io.musicassistant.alexa.local;

import com.fasterxml.jackson.databind.JsonNode;

/** One-line, human-readable summaries of directives and answers for the demo's transcript. */
final class Describe {

    private Describe() {}

    static String request(JsonNode request) {
        if (request.has("directive")) {
            return smartHomeRequest(request.path("directive"));
        }
        if (request.has("request")) {
            return customRequest(request);
        }
        JsonNode header = request.path("header");
        JsonNode payload = request.path("payload");
        StringBuilder out = new StringBuilder(
                header.path("namespace").asText() + "." + header.path("name").asText());
        for (JsonNode a : payload.path("selectionCriteria").path("attributes")) {
            out.append("  ")
                    .append(a.path("type").asText())
                    .append("=\"")
                    .append(a.path("value").asText(a.path("entityId").asText()))
                    .append('"');
        }
        if (payload.has("contentId")) {
            out.append("  content ").append(payload.path("contentId").asText());
        }
        JsonNode ref = payload.path("currentItemReference");
        JsonNode value = ref.has("value") ? ref.path("value") : ref;
        if (value.has("id")) {
            out.append("  item ").append(value.path("id").asText());
        }
        if (payload.has("enable")) {
            out.append("  enable=").append(payload.path("enable").asBoolean());
        }
        if (payload.path("isUserInitiated").asBoolean(false)) {
            out.append("  (user asked)");
        }
        String token =
                payload.path("requestContext").path("user").path("accessToken").asText("");
        if (!token.isEmpty()) {
            out.append("  token ")
                    .append(token, 0, Math.min(token.length(), 16))
                    .append('…');
        }
        return out.toString();
    }

    static String answer(JsonNode answer) {
        if (answer.has("event")) {
            return smartHomeAnswer(answer);
        }
        if (answer.has("response")) {
            return customAnswer(answer);
        }
        JsonNode header = answer.path("header");
        JsonNode payload = answer.path("payload");
        String name = header.path("name").asText();
        if (name.equals("ErrorResponse")) {
            return header.path("namespace").asText() + " ErrorResponse "
                    + payload.path("type").asText() + " — "
                    + payload.path("message").asText();
        }
        if (name.equals("Response")) {
            return "Alexa.Response (acknowledged, payloadVersion "
                    + header.path("payloadVersion").asText() + ")";
        }
        StringBuilder out = new StringBuilder(name);
        JsonNode content = payload.path("content");
        if (!content.isMissingNode()) {
            JsonNode m = content.path("metadata");
            out.append("  ")
                    .append(m.path("type").asText())
                    .append(" \"")
                    .append(m.path("name").path("speech").path("text").asText())
                    .append('"');
            if (m.has("authors")) {
                out.append(" by ")
                        .append(m.path("authors")
                                .get(0)
                                .path("name")
                                .path("speech")
                                .path("text")
                                .asText());
            }
            out.append("  [").append(content.path("id").asText()).append(']');
        }
        JsonNode method = payload.path("playbackMethod");
        if (!method.isMissingNode()) {
            out.append("  queue ").append(shorten(method.path("id").asText(), 12));
            for (JsonNode c : method.path("controls")) {
                if (c.path("type").asText().equals("TOGGLE")) {
                    out.append(", ")
                            .append(c.path("name").asText().toLowerCase())
                            .append(c.path("selected").asBoolean() ? " on" : " off");
                }
            }
            out.append("\n      first: ").append(item(method.path("firstItem")));
        }
        if (payload.has("item")) {
            out.append("  ").append(item(payload.path("item")));
        } else if (payload.path("isQueueFinished").asBoolean(false)) {
            out.append("  queue finished");
        }
        if (payload.has("items")) {
            out.append("  ").append(payload.path("items").size()).append(" items:");
            for (JsonNode i : payload.path("items")) {
                out.append("\n      ").append(item(i));
            }
        }
        return out.toString();
    }

    private static String smartHomeRequest(JsonNode directive) {
        JsonNode header = directive.path("header");
        StringBuilder out = new StringBuilder(
                header.path("namespace").asText() + "." + header.path("name").asText());
        if (directive.path("endpoint").has("endpointId")) {
            out.append("  endpoint ")
                    .append(directive.path("endpoint").path("endpointId").asText());
        }
        directive.path("payload").fields().forEachRemaining(f -> {
            if (f.getValue().isValueNode()) {
                out.append("  ")
                        .append(f.getKey())
                        .append('=')
                        .append(f.getValue().asText());
            }
        });
        return out.toString();
    }

    private static String customRequest(JsonNode envelope) {
        JsonNode request = envelope.path("request");
        StringBuilder out = new StringBuilder(request.path("type").asText());
        if (request.has("intent")) {
            out.append(' ').append(request.path("intent").path("name").asText());
            request.path("intent")
                    .path("slots")
                    .fields()
                    .forEachRemaining(f -> out.append("  ")
                            .append(f.getKey())
                            .append("=\"")
                            .append(f.getValue().path("value").asText())
                            .append('"'));
        }
        return out.append("  (")
                .append(request.path("locale").asText())
                .append(')')
                .toString();
    }

    private static String smartHomeAnswer(JsonNode answer) {
        JsonNode header = answer.path("event").path("header");
        JsonNode payload = answer.path("event").path("payload");
        String name = header.path("name").asText();
        if (name.equals("ErrorResponse")) {
            return header.path("namespace").asText() + " ErrorResponse "
                    + payload.path("type").asText() + " — "
                    + payload.path("message").asText();
        }
        StringBuilder out = new StringBuilder(header.path("namespace").asText() + "." + name);
        for (JsonNode endpoint : payload.path("endpoints")) {
            out.append("\n      ")
                    .append(endpoint.path("friendlyName").asText())
                    .append(" [")
                    .append(endpoint.path("endpointId").asText())
                    .append("]:");
            for (JsonNode capability : endpoint.path("capabilities")) {
                String iface = capability.path("interface").asText();
                if (!iface.equals("Alexa")) {
                    out.append(' ').append(iface.replace("Alexa.", ""));
                }
            }
        }
        for (JsonNode p : answer.path("context").path("properties")) {
            JsonNode value = p.path("value");
            out.append("  ")
                    .append(p.path("name").asText())
                    .append('=')
                    .append(value.isObject() ? value.elements().next().asText() : value.asText());
        }
        return out.toString();
    }

    private static String customAnswer(JsonNode answer) {
        JsonNode response = answer.path("response");
        StringBuilder out = new StringBuilder("\"").append(speech(answer)).append('"');
        if (response.path("card").has("type")) {
            out.append("  card ").append(response.path("card").path("type").asText());
        }
        for (JsonNode d : response.path("directives")) {
            out.append("  +").append(d.path("type").asText());
        }
        if (!response.path("shouldEndSession").asBoolean(true)) {
            out.append("  (listening)");
        }
        return out.toString();
    }

    /** Speech of a custom-skill answer, without SSML tags. */
    static String speech(JsonNode answer) {
        JsonNode speech = answer.path("response").path("outputSpeech");
        if (!speech.has("ssml")) {
            return speech.path("text").asText();
        }
        return speech.path("ssml")
                .asText()
                .replaceAll("<[^>]+>", "")
                .replace("&apos;", "'")
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    static String item(JsonNode item) {
        JsonNode m = item.path("metadata");
        StringBuilder out = new StringBuilder("\"")
                .append(m.path("name").path("speech").path("text").asText())
                .append('"');
        if (m.has("authors")) {
            out.append(" — ")
                    .append(m.path("authors")
                            .get(0)
                            .path("name")
                            .path("speech")
                            .path("text")
                            .asText());
        }
        long ms = item.path("durationInMilliseconds").asLong(0);
        if (ms > 0) {
            out.append(String.format(" (%d:%02d)", ms / 60000, ms / 1000 % 60));
        }
        out.append("  stream ")
                .append(shorten(item.path("stream").path("uri").asText(), 48))
                .append(" valid until ")
                .append(item.path("stream").path("validUntil").asText());
        return out.toString();
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
