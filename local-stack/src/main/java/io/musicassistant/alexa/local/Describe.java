package io.musicassistant.alexa.local;

import com.fasterxml.jackson.databind.JsonNode;

/** One-line, human-readable summaries of directives and answers for the demo's transcript. */
final class Describe {

    private Describe() {
    }

    static String request(JsonNode request) {
        JsonNode header = request.path("header");
        JsonNode payload = request.path("payload");
        StringBuilder out = new StringBuilder(header.path("namespace").asText() + "." + header.path("name").asText());
        for (JsonNode a : payload.path("selectionCriteria").path("attributes")) {
            out.append("  ").append(a.path("type").asText()).append("=\"").append(a.path("value").asText(a.path("entityId").asText())).append('"');
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
        String token = payload.path("requestContext").path("user").path("accessToken").asText("");
        if (!token.isEmpty()) {
            out.append("  token ").append(token, 0, Math.min(token.length(), 16)).append('…');
        }
        return out.toString();
    }

    static String answer(JsonNode answer) {
        JsonNode header = answer.path("header");
        JsonNode payload = answer.path("payload");
        String name = header.path("name").asText();
        if (name.equals("ErrorResponse")) {
            return header.path("namespace").asText() + " ErrorResponse " + payload.path("type").asText() + " — "
                    + payload.path("message").asText();
        }
        if (name.equals("Response")) {
            return "Alexa.Response (acknowledged, payloadVersion " + header.path("payloadVersion").asText() + ")";
        }
        StringBuilder out = new StringBuilder(name);
        JsonNode content = payload.path("content");
        if (!content.isMissingNode()) {
            JsonNode m = content.path("metadata");
            out.append("  ").append(m.path("type").asText()).append(" \"").append(m.path("name").path("speech").path("text").asText()).append('"');
            if (m.has("authors")) {
                out.append(" by ").append(m.path("authors").get(0).path("name").path("speech").path("text").asText());
            }
            out.append("  [").append(content.path("id").asText()).append(']');
        }
        JsonNode method = payload.path("playbackMethod");
        if (!method.isMissingNode()) {
            out.append("  queue ").append(shorten(method.path("id").asText(), 12));
            for (JsonNode c : method.path("controls")) {
                if (c.path("type").asText().equals("TOGGLE")) {
                    out.append(", ").append(c.path("name").asText().toLowerCase()).append(c.path("selected").asBoolean() ? " on" : " off");
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

    static String item(JsonNode item) {
        JsonNode m = item.path("metadata");
        StringBuilder out = new StringBuilder("\"").append(m.path("name").path("speech").path("text").asText()).append('"');
        if (m.has("authors")) {
            out.append(" — ").append(m.path("authors").get(0).path("name").path("speech").path("text").asText());
        }
        long ms = item.path("durationInMilliseconds").asLong(0);
        if (ms > 0) {
            out.append(String.format(" (%d:%02d)", ms / 60000, ms / 1000 % 60));
        }
        out.append("  stream ").append(shorten(item.path("stream").path("uri").asText(), 48))
                .append(" valid until ").append(item.path("stream").path("validUntil").asText());
        return out.toString();
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
