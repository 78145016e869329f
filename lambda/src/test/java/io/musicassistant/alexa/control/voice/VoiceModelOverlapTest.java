package io.musicassistant.alexa.control.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The overlap rule of every voice model (docs/decisions.md, issue 14): "play X in the kitchen" fits
 * both PlayIntent ("play {query}", a SearchQuery that takes everything) and PlayInRoomIntent, so
 * PlayIntent keeps to carrier phrases and PlayInRoomIntent says every one of them with each of the
 * language's room prepositions, and also with the room first. A room form of a carrier is the
 * carrier with one phrase holding {room} inserted ("play {query} in the {room}", "leg {query} im
 * {room} auf", "{room}で{query}をかけて"), so the forms are read off the model itself.
 */
class VoiceModelOverlapTest {

    /**
     * The room phrases every PlayIntent carrier must have in PlayInRoomIntent, per language. A
     * language without a row must use each room phrase its model has with every carrier (derived);
     * give it a row to name the ones it must have.
     */
    static final Map<String, Set<String>> ROOM_PHRASES = Map.of(
            "en", Set.of("in the {room}", "in {room}", "on the {room}", "on {room}"),
            "de", Set.of("im {room}", "in der {room}", "in {room}", "auf dem {room}", "auf der {room}", "auf {room}"),
            // Postpositions before the music; the other forms ("{room}に流して", "{room} पर") go with some verbs only.
            "ja", Set.of("{room}で"),
            "hi", Set.of("{room} में")
            // "fr", "it", "es", "pt": derived from the model until a row is added here
            );

    /** Words that may end a PlayIntent sample although they are room prepositions: separable verb particles. */
    static final Map<String, Set<String>> PARTICLES = Map.of("de", Set.of("auf"));

    static final String QUERY = "{query}";
    static final String ROOM = "{room}";

    static List<String> samples(JsonNode lm, String intent) {
        List<String> out = new ArrayList<>();
        for (JsonNode i : lm.path("intents")) {
            if (intent.equals(i.path("name").asText())) {
                i.path("samples").forEach(s -> out.add(normal(s.asText())));
            }
        }
        return out;
    }

    static String normal(String sample) {
        return sample.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    static String language(String locale) {
        return locale.substring(0, locale.indexOf('-'));
    }

    /**
     * Carrier → the room phrases that make it a PlayInRoomIntent sample: every phrase X around
     * {room} (no {query} in it) whose removal from a PlayInRoomIntent sample leaves the carrier.
     */
    static Map<String, Set<String>> roomForms(List<String> carriers, List<String> inRoom) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        carriers.forEach(c -> out.put(c, new TreeSet<>()));
        for (String s : inRoom) {
            int room = s.indexOf(ROOM);
            if (room < 0) {
                continue;
            }
            for (int from = 0; from <= room; from++) {
                for (int to = room + ROOM.length(); to <= s.length(); to++) {
                    String phrase = s.substring(from, to);
                    if (phrase.contains(QUERY)) {
                        continue;
                    }
                    Set<String> forms = out.get(normal(s.substring(0, from) + " " + s.substring(to)));
                    if (forms != null && !phrase.isBlank()) {
                        forms.add(normal(phrase));
                    }
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("io.musicassistant.alexa.control.voice.VoiceInteractionModelTest#locales")
    void playIntentHasOnlyCarrierPhrasesWithoutARoom(String locale) {
        JsonNode lm = VoiceInteractionModelTest.languageModel(locale);
        List<String> carriers = samples(lm, "PlayIntent");
        assertFalse(carriers.isEmpty(), locale);
        Set<String> prepositions = new TreeSet<>();
        roomForms(carriers, samples(lm, "PlayInRoomIntent")).values().stream()
                .flatMap(Set::stream)
                .filter(p -> p.endsWith(ROOM))
                .map(p -> p.substring(0, p.length() - ROOM.length()).strip())
                .filter(p -> !p.isEmpty())
                .forEach(prepositions::add);
        ROOM_PHRASES.getOrDefault(language(locale), Set.of()).stream()
                .map(p -> p.replace(ROOM, "").strip())
                .forEach(prepositions::add);
        Set<String> particles = PARTICLES.getOrDefault(language(locale), Set.of());
        for (String c : carriers) {
            assertFalse(c.contains(ROOM), locale + ": PlayIntent names a room: " + c);
            assertTrue(c.contains(QUERY), locale + ": PlayIntent without {query}: " + c);
            String tail = c.substring(c.indexOf(QUERY) + QUERY.length()).strip();
            for (String p : prepositions) {
                boolean roomAfterQuery = tail.startsWith(p + " ") || tail.equals(p) && !particles.contains(p);
                assertFalse(
                        roomAfterQuery,
                        locale + ": PlayIntent \"" + c + "\" ends in the room preposition \"" + p + "\"");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.musicassistant.alexa.control.voice.VoiceInteractionModelTest#locales")
    void everyCarrierHasEveryRoomFormAndARoomFirstForm(String locale) {
        JsonNode lm = VoiceInteractionModelTest.languageModel(locale);
        List<String> inRoom = samples(lm, "PlayInRoomIntent");
        Map<String, Set<String>> forms = roomForms(samples(lm, "PlayIntent"), inRoom);
        Set<String> required = ROOM_PHRASES.get(language(locale));
        if (required == null) {
            required = new TreeSet<>();
            forms.values().forEach(required::addAll);
        }
        assertFalse(required.isEmpty(), locale + ": PlayInRoomIntent has no room form of any PlayIntent carrier");
        for (var carrier : forms.entrySet()) {
            Set<String> missing = new TreeSet<>(required);
            missing.removeAll(carrier.getValue());
            assertEquals(
                    Set.of(),
                    missing,
                    locale + ": PlayInRoomIntent lacks these room forms of \"" + carrier.getKey() + "\"");
        }
        assertTrue(
                inRoom.stream().anyMatch(s -> s.indexOf(ROOM) >= 0 && s.indexOf(ROOM) < s.indexOf(QUERY)),
                locale + ": PlayInRoomIntent has no room-first sample (\"in the {room} play {query}\")");
    }

    @ParameterizedTest
    @MethodSource("io.musicassistant.alexa.control.voice.VoiceInteractionModelTest#locales")
    void playInRoomIntentTakesTheQueryAsACustomTypeBesideTheRoom(String locale) {
        Map<String, Map<String, String>> intents =
                VoiceInteractionModelTest.intents(VoiceInteractionModelTest.languageModel(locale));
        assertEquals(Map.of("query", "AMAZON.SearchQuery"), intents.get("PlayIntent"), locale);
        assertEquals(Map.of("query", "MUSIC_QUERY", "room", "ROOM"), intents.get("PlayInRoomIntent"), locale);
    }

    /** The test itself: a model that breaks the rule is caught. */
    @Test
    void theRuleCatchesARoomInPlayIntentAndAMissingForm() {
        Map<String, Set<String>> forms = roomForms(
                List.of("play {query}", "listen to {query}", "leg {query} auf"),
                List.of(
                        "play {query} in the {room}",
                        "play {query} in {room}",
                        "in the {room} play {query}",
                        "listen to {query} on the {room}",
                        "leg {query} im {room} auf",
                        "{room}で{query}をかけて"));
        assertEquals(Set.of("in the {room}", "in {room}"), forms.get("play {query}"));
        assertEquals(Set.of("on the {room}"), forms.get("listen to {query}"));
        assertEquals(Set.of("im {room}"), forms.get("leg {query} auf"));
        assertEquals(
                Set.of("{room}で"),
                roomForms(List.of("{query}をかけて"), List.of("{room}で{query}をかけて")).get("{query}をかけて"));
        assertTrue(Pattern.matches(".*\\{room}.*", "play {query} in the {room}"));
    }
}
