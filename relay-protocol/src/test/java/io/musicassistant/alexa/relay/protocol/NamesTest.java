package io.musicassistant.alexa.relay.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamesTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            emptyValue = "",
            value = {
                "Radiohead|radiohead",
                "OK Computer|ok-computer",
                "  Sigur Rós |sigur-ros",
                "Simon & Garfunkel|simon-and-garfunkel",
                "AC/DC|ac-dc",
                "Beyoncé|beyonce",
                "Die Ärzte|die-arzte",
                "Straße|strasse",
                "Røyksopp|royksopp",
                "坂本龍一|坂本龍一",
                "Hello, World!|hello-world",
                "'--'|''",
            })
    void keyFoldsCaseAccentsAndPunctuation(String name, String expected) {
        assertEquals(expected, Names.key(name));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            emptyValue = "",
            value = {
                "The Beatles|beatles",
                "beatles|beatles",
                "Karma Police (Remastered 2017)|karma-police",
                "The|the",
                "(Untitled)|untitled",
            })
    void matchKeyDropsArticlesAndRemarks(String name, String expected) {
        assertEquals(expected, Names.matchKey(name));
    }
}
