package io.musicassistant.alexa.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * What the chaos contract allows (docs/fault-injection.md): the right outcomes per kind of request
 * under each fault, and how an answer is read as one ("ok", the Alexa error type, or the key of
 * the spoken failure).
 */
final class ChaosContract {

    enum Kind {
        MUSIC,
        SMART_HOME,
        VOICE
    }

    /** Which outcomes are right, per kind of request ("ok" or the Alexa error type / spoken message key). */
    record Expect(String name, Set<String> music, Set<String> smartHome, Set<String> voice) {
        Set<String> of(Kind kind) {
            return switch (kind) {
                case MUSIC -> music;
                case SMART_HOME -> smartHome;
                case VOICE -> voice;
            };
        }

        Expect orOk() {
            return new Expect(name + " or ok", plus(music, "ok"), plus(smartHome, "ok"), plus(voice, "ok"));
        }

        private static Set<String> plus(Set<String> set, String value) {
            Set<String> copy = new LinkedHashSet<>(set);
            copy.add(value);
            return copy;
        }
    }

    static final Expect OK = new Expect("ok", Set.of("ok"), Set.of("ok"), Set.of("ok"));

    /** The home said it is going (SIGTERM): the cloud knows at once. */
    static final Expect OFFLINE =
            new Expect("home offline", Set.of("INTERNAL_ERROR"), Set.of("ENDPOINT_UNREACHABLE"), Set.of("offline"));

    /** The home went silent (killed, deliveries lost or late): unreachable, found out by the cloud itself. */
    static final Expect SILENT = new Expect(
            "home silent", Set.of("INTERNAL_ERROR"), Set.of("ENDPOINT_UNREACHABLE"), Set.of("offline", "timeout"));

    static final Expect MA_DOWN =
            new Expect("MA down", Set.of("INTERNAL_ERROR"), Set.of("ENDPOINT_UNREACHABLE"), Set.of("ma.down"));

    static final Expect LOGIN_DOWN = new Expect(
            "login unavailable", Set.of("INTERNAL_ERROR"), Set.of("INTERNAL_ERROR"), Set.of("login.unavailable"));

    static final Expect THROTTLED = new Expect(
                    "internal",
                    Set.of("INTERNAL_ERROR"),
                    Set.of("ENDPOINT_UNREACHABLE", "INTERNAL_ERROR"),
                    // "offline": a receipt the home could not write in time under throttling reads as a silent home
                    Set.of("error", "timeout", "send.failed", "home.error", "offline"))
            .orOk();

    /** Spoken failure sentences of the voice model (en-US), to tell which one an answer is. */
    private static final Map<String, String> SPOKEN = spokenFailures();

    private ChaosContract() {}

    /** "ok", the Alexa error type, or the key of the spoken failure. */
    static String outcome(Kind kind, JsonNode answer) {
        return switch (kind) {
            case MUSIC ->
                answer.path("header").path("name").asText().equals("ErrorResponse")
                        ? answer.path("payload").path("type").asText("?")
                        : "ok";
            case SMART_HOME ->
                answer.path("event").path("header").path("name").asText().equals("ErrorResponse")
                        ? answer.path("event").path("payload").path("type").asText("?")
                        : "ok";
            case VOICE -> voiceOutcome(answer);
        };
    }

    private static String voiceOutcome(JsonNode answer) {
        JsonNode response = answer.path("response");
        if (response.path("card").path("type").asText().equals("LinkAccount")) {
            return "link.account";
        }
        String speech = response.path("outputSpeech")
                .path("ssml")
                .asText(response.path("outputSpeech").path("text").asText())
                .replace("&apos;", "'")
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
        for (var e : SPOKEN.entrySet()) {
            if (speech.contains(e.getValue())) {
                return e.getKey();
            }
        }
        return speech.isEmpty() ? "no-speech" : "ok";
    }

    private static Map<String, String> spokenFailures() {
        ResourceBundle bundle = ResourceBundle.getBundle("io.musicassistant.alexa.control.voice.Messages", Locale.ROOT);
        Map<String, String> spoken = new LinkedHashMap<>();
        for (String key : List.of(
                "offline",
                "ma.down",
                "timeout",
                "send.failed",
                "home.error",
                "error",
                "login.unavailable",
                "link.account",
                "ma.refused",
                "not.paired")) {
            if (bundle.containsKey(key)) {
                spoken.put(key, bundle.getString(key).replace("''", "'"));
            }
        }
        return spoken;
    }
}
