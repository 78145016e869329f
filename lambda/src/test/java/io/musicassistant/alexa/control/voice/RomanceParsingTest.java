package io.musicassistant.alexa.control.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.musicassistant.alexa.control.voice.handlers.RepeatIntentHandler;
import io.musicassistant.alexa.relay.protocol.ContentKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** French (fr-FR, fr-CA) and Italian (it-IT): their query words, answers, dates, lists and repeat words. */
class RomanceParsingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            fr | l'album ok computer de radiohead          | ALBUM    | ok computer          | radiohead
            fr | l album ok computer de radiohead          | ALBUM    | ok computer          | radiohead
            fr | l'album random access memories par daft punk | ALBUM | random access memories | daft punk
            fr | un album                                  | ANY      | un album             | -
            fr | la chanson la javanaise de serge gainsbourg | TRACK  | la javanaise         | serge gainsbourg
            fr | le titre yesterday des beatles            | TRACK    | yesterday            | beatles
            fr | le morceau alors on danse                 | TRACK    | alors on danse       | -
            fr | la toune dégénération de mes aïeux        | TRACK    | dégénération         | mes aïeux
            fr | la playlist soirée                        | PLAYLIST | soirée               | -
            fr | ma liste de lecture sport                 | PLAYLIST | sport                | -
            fr | l'artiste stromae                         | ARTIST   | stromae              | -
            fr | de la musique de bach                     | ARTIST   | bach                 | -
            fr | le groupe indochine                       | ARTIST   | indochine            | -
            fr | la station fip                            | RADIO    | fip                  | -
            fr | le genre jazz                             | GENRE    | jazz                 | -
            fr | de la musique                             | LIBRARY  | -                    | -
            fr | Ma Musique                                | LIBRARY  | -                    | -
            fr | les rita mitsouko                         | ANY      | les rita mitsouko    | -
            it | l'album ok computer dei radiohead         | ALBUM    | ok computer          | radiohead
            it | l'album la vita è adesso di claudio baglioni | ALBUM | la vita è adesso     | claudio baglioni
            it | il disco nevermind                        | ALBUM    | nevermind            | -
            it | la canzone albachiara di vasco rossi      | TRACK    | albachiara           | vasco rossi
            it | il brano wonderwall degli oasis           | TRACK    | wonderwall           | oasis
            it | la playlist relax                         | PLAYLIST | relax                | -
            it | la mia playlist viaggio                   | PLAYLIST | viaggio              | -
            it | l'artista laura pausini                   | ARTIST   | laura pausini        | -
            it | canzoni di lucio battisti                 | ARTIST   | lucio battisti       | -
            it | la stazione virgin radio                  | RADIO    | virgin radio         | -
            it | il genere jazz                            | GENRE    | jazz                 | -
            it | un po' di musica                          | LIBRARY  | -                    | -
            it | la mia musica                             | LIBRARY  | -                    | -
            it | i pooh                                    | ANY      | i pooh               | -
            it | radio deejay                              | ANY      | radio deejay         | -
            """)
    void queriesAreParsedByTheirLeadingWords(
            String language, String spoken, ContentKind kind, String name, String artist) {
        new VoiceParsingTest().queriesAreParsedByTheirLeadingWords(language, spoken, kind, name, artist);
    }

    @Test
    void kindWordsAreTheLanguagesOwn() {
        assertEquals(ContentKind.ANY, kind("the album ok computer", "fr-FR"));
        assertEquals(ContentKind.ANY, kind("la chanson la javanaise", "it-IT"));
        assertEquals(ContentKind.ANY, kind("la canzone azzurro", "fr-CA"));
        assertEquals(ContentKind.TRACK, kind("la toune la bohème", "fr-CA"), "fr-CA shares fr's words");
    }

    private static ContentKind kind(String spoken, String locale) {
        return QueryParser.parse(spoken, Messages.forLocale(locale))
                .orElseThrow()
                .kind();
    }

    @Test
    void answersAreReadAsUtf8AndFilled() {
        Messages fr = Messages.forLocale("fr-CA");
        assertEquals("fr", fr.language());
        assertEquals("Dans quelle pièce ?", fr.say("room.which"));
        assertEquals("Je lance l'album Mensch sur Cuisine.", fr.say("play.album", "name", "Mensch", "room", "Cuisine"));
        assertEquals("The Den est en pause.", fr.say("pause.done", "room", "The Den"), "no English article handling");
        Messages it = Messages.forLocale("it-IT");
        assertEquals("Music Assistant è pronto. Prova a dire: metti Radiohead in cucina.", it.say("welcome"));
        assertEquals("A, B et C", fr.and(List.of("A", "B", "C")));
        assertEquals("A ou B", fr.or(List.of("A", "B")));
        assertEquals("A, B e C", it.and(List.of("A", "B", "C")));
        assertEquals("A o B", it.or(List.of("A", "B")));
    }

    @Test
    void datesAreSpokenInTheLanguage() {
        Instant march8 = Instant.parse("2026-03-08T22:30:00Z");
        assertEquals("8 mars 2026", Messages.forLocale("fr-FR").date(march8));
        assertEquals("8 marzo 2026", Messages.forLocale("it-IT").date(march8));
        assertEquals(
                "numero 2, collegato il giorno 8 marzo 2026",
                Messages.forLocale("it-IT").say("accounts.item", "number", 2, "date", "8 marzo 2026"));
    }

    @Test
    void repeatWordsMapToModes() {
        Messages fr = Messages.forLocale("fr-FR");
        assertEquals(Optional.of("one"), RepeatIntentHandler.spoken(fr, "cette chanson"));
        assertEquals(Optional.of("off"), RepeatIntentHandler.spoken(fr, "Désactive"));
        assertEquals(Optional.of("all"), RepeatIntentHandler.spoken(fr, "tout"));
        Messages it = Messages.forLocale("it-IT");
        assertEquals(Optional.of("one"), RepeatIntentHandler.spoken(it, "questa canzone"));
        assertEquals(Optional.of("off"), RepeatIntentHandler.spoken(it, "disattiva"));
        assertEquals(Optional.of("all"), RepeatIntentHandler.spoken(it, "tutto"));
        assertEquals(Optional.empty(), RepeatIntentHandler.spoken(it, "all"));
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}]*}");

    private static Properties bundle(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream("Messages" + suffix + ".properties")) {
            assertTrue(in != null, "Messages" + suffix);
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Set<String> placeholders(String text) {
        return PLACEHOLDER.matcher(text).results().map(m -> m.group()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Read without the English fallback of a ResourceBundle, so that a missing key shows. */
    @ParameterizedTest
    @ValueSource(strings = {"_fr", "_it"})
    void everyKeyIsTranslatedWithTheSamePlaceholders(String suffix) throws IOException {
        Properties en = bundle("");
        Properties translated = bundle(suffix);
        Set<String> missing = new TreeSet<>(en.stringPropertyNames());
        missing.removeAll(translated.stringPropertyNames());
        Set<String> extra = new TreeSet<>(translated.stringPropertyNames());
        extra.removeAll(en.stringPropertyNames());
        assertEquals(Set.of(), missing, suffix + ": keys missing");
        assertEquals(Set.of(), extra, suffix + ": keys English does not have");
        for (String key : en.stringPropertyNames()) {
            assertEquals(
                    placeholders(en.getProperty(key)),
                    placeholders(translated.getProperty(key)),
                    suffix + " " + key + ": " + translated.getProperty(key));
        }
    }
}
