package io.musicassistant.alexa.control.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.alexa.AlexaJson;
import io.musicassistant.alexa.control.voice.handlers.RepeatIntentHandler;
import io.musicassistant.alexa.control.voice.handlers.VoiceIntentHandlers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The interaction models and the code must agree: every intent of a model has a handler and every
 * handler's intent is in all three models, with the slots it reads; the locales declare the same
 * intents and slots; samples are unique and valid (Alexa refuses a model build otherwise).
 */
class VoiceInteractionModelTest {

    static final Path MODELS = Path.of("../skill-package/control/interactionModels/custom");
    /**
     * Amazon's invocation-name rules we can check offline: lower-case letters (any script; the
     * katakana long-vowel mark "ー" is a modifier letter), spaces, possessive apostrophes and the
     * periods of spelled abbreviations; at least two words unless the language writes one compound
     * or no spaces (de, ja).
     */
    static final Pattern INVOCATION_NAME =
            Pattern.compile("[\\p{Ll}\\p{Lo}\\p{M}][\\p{Ll}\\p{Lo}\\p{Lm}\\p{M}'. ]*[\\p{Ll}\\p{Lo}\\p{Lm}\\p{M}.]");

    static final Set<String> ONE_WORD_LANGUAGES = Set.of("de", "ja");
    static final Set<String> REQUIRED_BUILT_INS = Set.of(
            "AMAZON.CancelIntent",
            "AMAZON.HelpIntent",
            "AMAZON.StopIntent",
            "AMAZON.NavigateHomeIntent",
            "AMAZON.FallbackIntent");
    static final Pattern SLOT_REF = Pattern.compile("\\{([^}]*)}");
    /**
     * Letters (with their combining marks: Devanagari vowel signs are marks), apostrophes and spaces
     * only: Alexa refuses digits and most punctuation in samples.
     */
    static final Pattern SAMPLE = Pattern.compile("[\\p{L}\\p{M}' ]+");

    static final Map<String, Set<String>> HANDLED = new VoiceSkill(
                    null,
                    null,
                    null,
                    Clock.systemUTC(),
                    Duration.ofSeconds(1),
                    null,
                    VoiceIntentHandlers.registry(null, null, null, null))
            .intents();

    /** Every locale that has a model file. */
    static List<String> locales() {
        try (var files = Files.list(MODELS)) {
            List<String> locales = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length()))
                    .sorted()
                    .toList();
            assertTrue(locales.contains("en-US"), "models are read from " + MODELS);
            return locales;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode languageModel(String locale) {
        try {
            JsonNode root = AlexaJson.mapper().readTree(Files.readString(MODELS.resolve(locale + ".json")));
            JsonNode lm = root.path("interactionModel").path("languageModel");
            assertTrue(lm.isObject(), locale);
            return lm;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** intent → (slot → type) */
    static Map<String, Map<String, String>> intents(JsonNode lm) {
        Map<String, Map<String, String>> out = new TreeMap<>();
        for (JsonNode intent : lm.path("intents")) {
            Map<String, String> slots = new TreeMap<>();
            intent.path("slots")
                    .forEach(s ->
                            slots.put(s.path("name").asText(), s.path("type").asText()));
            assertEquals(
                    null,
                    out.put(intent.path("name").asText(), slots),
                    "intent declared twice: " + intent.path("name"));
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("locales")
    void everyIntentHasAHandlerAndEveryHandlerItsIntentWithItsSlots(String locale) {
        JsonNode lm = languageModel(locale);
        String invocation = lm.path("invocationName").asText();
        assertTrue(INVOCATION_NAME.matcher(invocation).matches(), locale + ": invocation name " + invocation);
        assertTrue(
                invocation.contains(" ") || ONE_WORD_LANGUAGES.contains(locale.substring(0, 2)),
                locale + ": an invocation name of one word");
        Map<String, Map<String, String>> intents = intents(lm);
        assertEquals(new TreeMap<>(HANDLED).keySet(), intents.keySet(), locale + ": model intents = handled intents");
        assertTrue(intents.keySet().containsAll(REQUIRED_BUILT_INS));
        HANDLED.forEach((intent, slots) -> assertTrue(
                intents.get(intent).keySet().containsAll(slots),
                locale + " " + intent + " lacks a slot its handler reads: " + slots + " vs " + intents.get(intent)));
    }

    @Test
    void theLocalesDeclareTheSameIntentsSlotsAndTypes() {
        Map<String, Map<String, String>> us = intents(languageModel("en-US"));
        for (String locale : locales()) {
            assertEquals(us, intents(languageModel(locale)), locale);
            Set<String> types = new HashSet<>();
            languageModel(locale)
                    .path("types")
                    .forEach(t -> types.add(t.path("name").asText()));
            assertEquals(Set.of("ROOM", "MUSIC_QUERY", "REPEAT_MODE"), types, locale);
        }
    }

    @ParameterizedTest
    @MethodSource("locales")
    void samplesAreUniqueValidAndUseOnlyDeclaredSlots(String locale) {
        JsonNode lm = languageModel(locale);
        Map<String, String> owner = new HashMap<>();
        for (JsonNode intent : lm.path("intents")) {
            String name = intent.path("name").asText();
            Map<String, String> slots = new LinkedHashMap<>();
            intent.path("slots")
                    .forEach(s ->
                            slots.put(s.path("name").asText(), s.path("type").asText()));
            Set<String> used = new HashSet<>();
            int samples = 0;
            for (JsonNode s : intent.path("samples")) {
                String sample = s.asText();
                samples++;
                String key =
                        sample.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
                String previous = owner.put(key, name);
                assertEquals(
                        null, previous, locale + ": \"" + sample + "\" is a sample of " + previous + " and " + name);
                String words = SLOT_REF.matcher(sample).replaceAll("{}");
                assertEquals(
                        words.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip(),
                        words,
                        locale + ": samples are lowercase, single-spaced: " + sample);
                assertTrue(sample.length() <= 200, sample);
                assertFalse(
                        Pattern.compile("}\\s*\\{").matcher(sample).find(), locale + ": adjacent slots in " + sample);
                Matcher m = SLOT_REF.matcher(sample);
                while (m.find()) {
                    assertTrue(
                            slots.containsKey(m.group(1)),
                            locale + " " + name + ": undeclared slot {" + m.group(1) + "} in " + sample);
                    used.add(m.group(1));
                }
                assertTrue(
                        SAMPLE.matcher(SLOT_REF.matcher(sample).replaceAll("x")).matches(),
                        locale + ": invalid characters in " + sample);
            }
            assertEquals(slots.keySet(), used, locale + " " + name + ": every declared slot is used in a sample");
            if (!name.startsWith("AMAZON.")) {
                assertTrue(samples >= 5, locale + " " + name + " has only " + samples + " samples");
            }
            if (slots.containsValue("AMAZON.SearchQuery")) {
                assertEquals(
                        1, slots.size(), locale + " " + name + ": a SearchQuery slot must be the intent's only slot");
                for (JsonNode s : intent.path("samples")) {
                    assertFalse(
                            SLOT_REF.matcher(s.asText()).replaceAll("").isBlank(),
                            locale + " " + name + ": a SearchQuery sample needs a carrier phrase: " + s.asText());
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("locales")
    void slotTypesAreDeclaredAndRepeatModesAreTheOnesTheHandlerKnows(String locale) {
        JsonNode lm = languageModel(locale);
        Map<String, JsonNode> types = new HashMap<>();
        lm.path("types").forEach(t -> types.put(t.path("name").asText(), t));
        intents(lm)
                .forEach((intent, slots) -> slots.forEach((slot, type) -> assertTrue(
                        type.startsWith("AMAZON.") || types.containsKey(type),
                        locale + " " + intent + "." + slot + ": undeclared type " + type)));
        assertNotNull(types.get(RoomEntities.ROOM_TYPE), "dynamic entities go to a declared type");
        for (JsonNode type : types.values()) {
            Set<String> words = new HashSet<>();
            Set<String> ids = new HashSet<>();
            assertTrue(type.path("values").size() >= 3, type.path("name").asText());
            for (JsonNode v : type.path("values")) {
                assertTrue(words.add(v.path("name").path("value").asText()), "duplicate value " + v);
                v.path("name")
                        .path("synonyms")
                        .forEach(s -> assertTrue(words.add(s.asText()), "duplicate synonym " + s));
                if (v.has("id")) {
                    assertTrue(ids.add(v.path("id").asText()), "duplicate id " + v);
                }
            }
        }
        Set<String> modes = new HashSet<>();
        for (JsonNode v : types.get("REPEAT_MODE").path("values")) {
            String id = v.path("id").asText();
            modes.add(id);
            List<String> words =
                    new ArrayList<>(List.of(v.path("name").path("value").asText()));
            v.path("name").path("synonyms").forEach(s -> words.add(s.asText()));
            for (String word : words) {
                assertEquals(
                        Optional.of(id),
                        RepeatIntentHandler.spoken(Messages.forLocale(locale), word),
                        locale + ": the handler reads \"" + word + "\"");
            }
        }
        assertEquals(Set.of("off", "one", "all"), modes);
    }

    /**
     * The invocation and its carrier words in an example phrase ("Alexa, ask Music Assistant to …"),
     * per language: test resource {@code voice/invoke/<language>.regex}, one regular expression in
     * which {@code {invocation}} stands for the model's invocation name and group 1 is the utterance.
     */
    static Pattern invoked(String locale, String invocation) throws IOException {
        Path file = Path.of("src/test/resources/voice/invoke/" + locale.substring(0, 2) + ".regex");
        assertTrue(Files.exists(file), locale + ": no " + file);
        String regex = Files.readString(file).strip();
        return Pattern.compile("(?iu)^" + regex.replace("{invocation}", Pattern.quote(invocation)) + "$");
    }

    @ParameterizedTest
    @MethodSource("locales")
    void everyExamplePhraseOfTheManifestMatchesASample(String locale) throws IOException {
        JsonNode manifest =
                AlexaJson.mapper().readTree(Files.readString(Path.of("../skill-package/control/skill.json")));
        List<Pattern> samples = new ArrayList<>();
        for (JsonNode intent : languageModel(locale).path("intents")) {
            for (JsonNode sample : intent.path("samples")) {
                if (SLOT_REF.matcher(sample.asText()).replaceAll("").isBlank()) {
                    continue; // "{room}" alone would match any phrase
                }
                samples.add(Pattern.compile("(?i)"
                        + SLOT_REF.matcher(Pattern.quote(sample.asText())).replaceAll(r -> "\\\\E.+\\\\Q")));
            }
        }
        JsonNode store = manifest.path("manifest")
                .path("publishingInformation")
                .path("locales")
                .path(locale);
        if (store.isMissingNode()) {
            return; // a model merged before its locale's store texts; LocalesTest wants both
        }
        int checked = 0;
        for (JsonNode phrase : store.path("examplePhrases")) {
            Matcher m = invoked(
                            locale, languageModel(locale).path("invocationName").asText())
                    .matcher(phrase.asText());
            if (!m.matches()) {
                continue; // a smart-home phrase ("Alexa, pause the kitchen") needs no sample
            }
            String utterance = m.group(1).toLowerCase(Locale.ROOT);
            assertTrue(
                    samples.stream().anyMatch(p -> p.matcher(utterance).matches()),
                    locale + ": no sample says \"" + utterance + "\"");
            checked++;
        }
        assertTrue(checked >= 2, locale + ": example phrases that invoke the voice model");
    }
}
