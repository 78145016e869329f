package io.musicassistant.alexa.control.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.alexa.AlexaJson;
import io.musicassistant.alexa.stack.AlexaLocales;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every locale the skills serve is complete: both manifests list exactly the required locales
 * (stack-contract's {@link AlexaLocales}) and the control skill has a voice model for each and no
 * other; each locale has its store texts and privacy entries in both manifests and the music
 * skill's name for it, and spoken answers in its own language with every key and placeholder of
 * the English ones. What each voice model must hold (its samples' slots and types, example phrases
 * that are its utterances) is {@link VoiceInteractionModelTest}'s, for every model file.
 *
 * <p>{@code -Dlocales.only=en-US,de-DE} checks only those locales (the manifest-wide test still
 * runs): for a branch on which some locales' files are not there yet.
 */
class LocalesTest {

    static final Path PACKAGES = Path.of("../skill-package");
    static final Path MESSAGES = Path.of("src/main/resources/io/musicassistant/alexa/control/voice");
    static final String BUNDLE = "io.musicassistant.alexa.control.voice.Messages";
    static final Pattern PLACEHOLDER = Pattern.compile("\\{[A-Za-z_]+}");

    static Stream<String> locales() {
        String only = System.getProperty("locales.only", "");
        return only.isBlank()
                ? AlexaLocales.all().stream()
                : Stream.of(only.split(",")).map(String::strip);
    }

    static JsonNode manifest(String skill) {
        try {
            return AlexaJson.mapper()
                    .readTree(Files.readString(PACKAGES.resolve(skill).resolve("skill.json")))
                    .path("manifest");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void bothManifestsListExactlyTheRequiredLocales() {
        Set<String> required = new TreeSet<>(AlexaLocales.all());
        for (String skill : List.of("music", "control")) {
            JsonNode manifest = manifest(skill);
            assertEquals(required, names(manifest.at("/publishingInformation/locales")), skill + " store listing");
            assertEquals(required, names(manifest.at("/privacyAndCompliance/locales")), skill + " privacy");
        }
        assertEquals(required, names(manifest("music").at("/apis/music/locales")), "music apis.music.locales");
        Set<String> models = new TreeSet<>();
        try (Stream<Path> files = Files.list(PACKAGES.resolve("control/interactionModels/custom"))) {
            files.forEach(f -> models.add(f.getFileName().toString().replace(".json", "")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertEquals(required, models, "a control voice model per locale, and no other");
    }

    @ParameterizedTest
    @MethodSource("locales")
    void storeTextsAndPrivacyInBothManifests(String locale) {
        for (String skill : List.of("music", "control")) {
            JsonNode manifest = manifest(skill);
            JsonNode listing = manifest.at("/publishingInformation/locales").path(locale);
            for (String text : List.of("name", "summary", "description")) {
                assertFalse(listing.path(text).asText().isBlank(), skill + " " + locale + ": " + text);
            }
            int phrases = listing.path("examplePhrases").size();
            assertTrue(phrases >= 1 && phrases <= 3, skill + " " + locale + ": one to three example phrases");
            assertFalse(listing.path("keywords").isEmpty(), skill + " " + locale + ": keywords");
            assertTrue(
                    manifest.at("/privacyAndCompliance/locales").path(locale).has("privacyPolicyUrl"),
                    skill + " " + locale + ": privacy entry");
        }
        JsonNode music = manifest("music").at("/apis/music/locales").path(locale);
        assertFalse(music.path("promptName").asText().isBlank(), locale + ": the music skill's promptName");
        assertFalse(music.path("aliases").isEmpty(), locale + ": the music skill's aliases");
    }

    @ParameterizedTest
    @MethodSource("locales")
    void answersAreInTheLocalesLanguageWithEveryKeyAndPlaceholder(String locale) throws IOException {
        String language = Locale.forLanguageTag(locale).getLanguage();
        Properties english = properties("Messages.properties");
        Map<String, String> spoken = new HashMap<>();
        if (language.equals("en")) {
            english.stringPropertyNames().forEach(k -> spoken.put(k, english.getProperty(k)));
        } else {
            Path file = MESSAGES.resolve("Messages_" + language + ".properties");
            assertTrue(Files.isRegularFile(file), locale + ": " + file + " (answers in English would be wrong)");
            Properties own = properties(file.getFileName().toString());
            assertEquals(
                    new TreeSet<>(english.stringPropertyNames()),
                    new TreeSet<>(own.stringPropertyNames()),
                    file + ": every key of Messages.properties and no other");
            for (String key : english.stringPropertyNames()) {
                assertEquals(
                        placeholders(english.getProperty(key)),
                        placeholders(own.getProperty(key)),
                        file + " " + key + ": the same placeholders");
                assertFalse(
                        own.getProperty(key).isBlank()
                                && !english.getProperty(key).isBlank(),
                        file + " " + key);
            }
            ResourceBundle bundle = ResourceBundle.getBundle(
                    BUNDLE,
                    Locale.forLanguageTag(locale),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            assertEquals(language, bundle.getLocale().getLanguage(), locale + ": the bundle found is its language's");
            own.stringPropertyNames().forEach(k -> spoken.put(k, own.getProperty(k)));
        }
        Messages messages = Messages.forLocale(locale);
        for (Map.Entry<String, String> entry : new TreeMap<>(spoken).entrySet()) {
            assertEquals(
                    entry.getValue(),
                    messages.say(entry.getKey()),
                    locale + ": Messages.forLocale answers " + entry.getKey() + " from its language's file");
        }
    }

    private static Properties properties(String file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(MESSAGES.resolve(file), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    private static Set<String> placeholders(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> out = new TreeSet<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
