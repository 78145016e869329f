package io.musicassistant.alexa.control.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.musicassistant.alexa.control.voice.handlers.RepeatIntentHandler;
import io.musicassistant.alexa.relay.protocol.ContentKind;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Spanish (es-ES, es-MX, es-US) and Brazilian Portuguese: the query words, repeat words and sentences. */
class SpanishPortugueseParsingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            es-ES | el álbum el mal querer de rosalía       | ALBUM    | el mal querer       | rosalía
            es-MX | el disco ok computer de radiohead       | ALBUM    | ok computer         | radiohead
            es-US | Álbum Abbey Road                        | ALBUM    | Abbey Road          | -
            es-ES | la playlist éxitos del verano           | PLAYLIST | éxitos del verano   | -
            es-MX | mi lista de reproducción fiesta         | PLAYLIST | fiesta              | -
            es-ES | la canción despacito de luis fonsi      | TRACK    | despacito           | luis fonsi
            es-ES | el tema mediterráneo                    | TRACK    | mediterráneo        | -
            es-MX | la rola cielito lindo                   | TRACK    | cielito lindo       | -
            es-ES | el artista alejandro sanz               | ARTIST   | alejandro sanz      | -
            es-ES | música de bach                          | ARTIST   | bach                | -
            es-MX | canciones de shakira                    | ARTIST   | shakira             | -
            es-ES | la emisora cadena dial                  | RADIO    | cadena dial         | -
            es-MX | la estación exa fm                      | RADIO    | exa fm              | -
            es-ES | el género flamenco                      | GENRE    | flamenco            | -
            es-ES | música                                  | LIBRARY  | -                   | -
            es-MX | Mi Música                               | LIBRARY  | -                   | -
            es-US | algo de música                          | LIBRARY  | -                   | -
            es-ES | héroes del silencio                     | ANY      | héroes del silencio | -
            es-ES | música clásica                          | ANY      | música clásica      | -
            pt-BR | o álbum tropicália                      | ALBUM    | tropicália          | -
            pt-BR | o álbum nevermind do nirvana            | ALBUM    | nevermind           | nirvana
            pt-BR | a playlist verão                        | PLAYLIST | verão               | -
            pt-BR | minha playlist churrasco                | PLAYLIST | churrasco           | -
            pt-BR | a música evidências de chitãozinho e xororó | TRACK | evidências         | chitãozinho e xororó
            pt-BR | a faixa aquarela do toquinho            | TRACK    | aquarela            | toquinho
            pt-BR | a canção asa branca                     | TRACK    | asa branca          | -
            pt-BR | a cantora anitta                        | ARTIST   | anitta              | -
            pt-BR | músicas do roberto carlos               | ARTIST   | roberto carlos      | -
            pt-BR | a banda legião urbana                   | ARTIST   | legião urbana       | -
            pt-BR | a rádio jovem pan                       | RADIO    | jovem pan           | -
            pt-BR | o gênero samba                          | GENRE    | samba               | -
            pt-BR | minhas músicas                          | LIBRARY  | -                   | -
            pt-BR | qualquer coisa                          | LIBRARY  | -                   | -
            pt-BR | tim maia                                | ANY      | tim maia            | -
            """)
    void queriesAreParsedByTheirLeadingWords(
            String locale, String spoken, ContentKind kind, String name, String artist) {
        // the same checks as the English and German cases, with Spanish and Portuguese words
        new VoiceParsingTest().queriesAreParsedByTheirLeadingWords(locale, spoken, kind, name, artist);
    }

    @Test
    void kindWordsAreTheLanguagesOwn() {
        assertEquals(ContentKind.ANY, kind("el álbum ok computer", "pt-BR"));
        assertEquals(ContentKind.ANY, kind("o álbum ok computer", "es-ES"));
        assertEquals(ContentKind.ANY, kind("the album ok computer", "es-MX"));
        assertEquals(ContentKind.ANY, kind("la canción yesterday", "en-US"));
    }

    private static ContentKind kind(String spoken, String locale) {
        return QueryParser.parse(spoken, Messages.forLocale(locale))
                .orElseThrow()
                .kind();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            es-ES | esta canción | one
            es-MX | Una          | one
            es-US | todo         | all
            es-ES | la playlist  | all
            es-MX | desactivada  | off
            es-ES | off          | -
            pt-BR | esta música  | one
            pt-BR | tudo         | all
            pt-BR | Desligado    | off
            pt-BR | todo         | -
            """)
    void repeatWordsMeanTheirModes(String locale, String word, String mode) {
        assertEquals(Optional.ofNullable(mode), RepeatIntentHandler.spoken(Messages.forLocale(locale), word), word);
    }

    @Test
    void sentencesAreReadAsUtf8AndListJoinedInTheLanguage() {
        Messages es = Messages.forLocale("es-MX");
        Messages pt = Messages.forLocale("pt-BR");
        assertEquals("es", Messages.forLocale("es-US").language());
        assertEquals("es", Messages.forLocale("es-ES").language());
        assertEquals("pt", pt.language());
        assertEquals("Canción anterior en Cocina.", es.say("previous.done", "room", "Cocina"));
        assertEquals("Em qual cômodo?", pt.say("room.which"));
        assertEquals("The Den no está disponible.", es.say("rooms.unavailable.one", "rooms", "The Den"));
        assertEquals("Cocina, Sala y Baño", es.and(List.of("Cocina", "Sala", "Baño")));
        assertEquals("Cozinha ou Sala", pt.or(List.of("Cozinha", "Sala")));
        List<String> many = IntStream.range(0, 30).mapToObj(i -> "R" + i).toList();
        assertTrue(es.and(many).endsWith(" y 19 más"), es.and(many));
        assertTrue(pt.and(many).endsWith(" e mais 19"), pt.and(many));
        Instant march3 = Instant.parse("2026-03-03T10:00:00Z");
        assertEquals("3 de marzo de 2026", es.date(march3));
        assertEquals("3 de março de 2026", pt.date(march3));
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-zA-Z]+}");

    /** The file alone, without the English parent bundle a ResourceBundle would fall back to. */
    private static Properties file(String suffix) throws IOException {
        String name = "Messages" + suffix + ".properties";
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(Messages.class.getResourceAsStream(name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static Set<String> placeholders(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"_es", "_pt"})
    void everyKeyIsTranslatedWithTheSamePlaceholders(String suffix) throws IOException {
        Properties english = file("");
        Properties translated = file(suffix);
        Set<String> missing = new TreeSet<>(english.stringPropertyNames());
        missing.removeAll(translated.stringPropertyNames());
        Set<String> extra = new TreeSet<>(translated.stringPropertyNames());
        extra.removeAll(english.stringPropertyNames());
        assertEquals(Set.of(), missing, suffix + ": untranslated keys");
        assertEquals(Set.of(), extra, suffix + ": keys English does not have");
        for (String key : english.stringPropertyNames()) {
            assertEquals(
                    placeholders(english.getProperty(key)),
                    placeholders(translated.getProperty(key)),
                    suffix + " " + key);
        }
    }
}
