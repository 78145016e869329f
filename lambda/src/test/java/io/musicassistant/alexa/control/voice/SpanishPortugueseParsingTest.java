package io.musicassistant.alexa.control.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.musicassistant.alexa.control.voice.handlers.RepeatIntentHandler;
import io.musicassistant.alexa.relay.protocol.ContentKind;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
            pt-BR | el álbum ok computer                    | ANY      | el álbum ok computer | -
            es-ES | o álbum ok computer                     | ANY      | o álbum ok computer | -
            es-MX | the album ok computer                   | ANY      | the album ok computer | -
            en-US | la canción yesterday                    | ANY      | la canción yesterday | -
            """)
    void queriesAreParsedByTheirLeadingWords(
            String locale, String spoken, ContentKind kind, String name, String artist) {
        // the English and German checks with Spanish and Portuguese words; kind words of another
        // language (the last rows) are no kind words
        new VoiceParsingTest().queriesAreParsedByTheirLeadingWords(locale, spoken, kind, name, artist);
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

    @ParameterizedTest
    @ValueSource(strings = {"_es", "_pt"})
    void everyKeyIsTranslatedWithTheSamePlaceholders(String suffix) throws IOException {
        // the French and Italian check, read without the English fallback, for Spanish and Portuguese
        new RomanceParsingTest().everyKeyIsTranslatedWithTheSamePlaceholders(suffix);
    }
}
