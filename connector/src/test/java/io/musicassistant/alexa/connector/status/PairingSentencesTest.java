package io.musicassistant.alexa.connector.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The sentence the status page tells people to say, per Alexa locale, is one the control skill's
 * voice model understands: "wake word, the locale's launch carrier, the invocation name, a
 * LinkHomeIntent sample with the code" — read from the interaction models themselves and from the
 * launch carriers the lambda's voice tests hold per language (voice/invoke/&lt;language&gt;.regex,
 * where {invocation} stands for the invocation name and group 1 is what the skill hears).
 */
class PairingSentencesTest {

    static final Path MODELS = Path.of("../skill-package/control/interactionModels/custom");
    static final Path CARRIERS = Path.of("../lambda/src/test/resources/voice/invoke");
    /** The code as the page shows it and a person reads it out. */
    static final String CODE = "1234 5678";

    @Test
    void everyModelLocaleHasASentenceAndEverySentenceAModel() throws IOException {
        Set<String> models = new TreeSet<>();
        try (Stream<Path> files = Files.list(MODELS)) {
            files.map(f -> f.getFileName().toString().replace(".json", "")).forEach(models::add);
        }
        assertEquals(15, models.size(), "the control skill's 15 locales");
        assertEquals(models, new TreeSet<>(StatusPage.sentences().keySet()));
    }

    @Test
    void everySentenceIsWhatTheVoiceModelHearsAsLinkHome() throws IOException {
        List<String> checked = new ArrayList<>();
        for (Map.Entry<String, StatusPage.Sentence> e : StatusPage.sentences().entrySet()) {
            String locale = e.getKey();
            JsonNode model = StatusJson.MAPPER
                    .readTree(Files.readString(MODELS.resolve(locale + ".json")))
                    .path("interactionModel")
                    .path("languageModel");
            String invocation = model.path("invocationName").asText();
            String spoken = e.getValue().sentence().replace("{code}", CODE);
            Matcher m = carrier(locale, invocation).matcher(spoken);
            assertTrue(m.matches(), locale + ": \"" + spoken + "\" does not launch \"" + invocation + "\"");
            String heard = m.group(1).toLowerCase(Locale.ROOT);
            List<String> samples = new ArrayList<>();
            for (JsonNode intent : model.path("intents")) {
                if (intent.path("name").asText().equals("LinkHomeIntent")) {
                    intent.path("samples").forEach(s -> samples.add(s.asText()));
                }
            }
            assertTrue(samples.size() > 3, locale + ": LinkHomeIntent has samples");
            assertTrue(
                    samples.stream()
                            .filter(s -> s.contains("{code}"))
                            .map(s -> s.replace("{code}", CODE).toLowerCase(Locale.ROOT))
                            .anyMatch(heard::equals),
                    locale + ": no LinkHomeIntent sample with the code says \"" + heard + "\"");
            checked.add(locale);
        }
        assertEquals(15, checked.size());
    }

    static Pattern carrier(String locale, String invocation) throws IOException {
        Path file = CARRIERS.resolve(locale.substring(0, 2) + ".regex");
        assertTrue(Files.exists(file), locale + ": no " + file);
        String regex = Files.readString(file).strip();
        return Pattern.compile("(?iu)^" + regex.replace("{invocation}", Pattern.quote(invocation)) + "$");
    }
}
