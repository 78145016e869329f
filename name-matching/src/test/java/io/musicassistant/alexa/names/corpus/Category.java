package io.musicassistant.alexa.names.corpus;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Why a case is hard: the difference between the spoken form and the library's spelling. */
public enum Category {
    /** Spoken as spelled, apart from case. */
    EXACT,
    /** Digits against number words, years, "two" for "2", "neunzehnhundertvierundachtzig". */
    NUMBERS,
    /** Slashes, dots, apostrophes, "!", "$" and brackets the speech recogniser never writes. */
    PUNCTUATION,
    /** Accents and umlauts spoken without them ("beyonce") or the other way round. */
    ACCENTS,
    /** A name stored in another script (kanji, kana, Cyrillic, Greek) or its romanisation. */
    SCRIPT,
    /** Leading articles said, left out or doubled ("the the", "toten hosen"). */
    ARTICLES,
    /** Letters spelled out or names shortened ("r e m", "a c d c", "jota balvin", "swr drei"). */
    ABBREVIATION,
    /** "&" spoken as "and", "und", "et", "y", "e", "n". */
    CONJUNCTION,
    /** Versions of one title: live, acoustic, remaster, an album and a track of the same name. */
    VERSION,
    /** Spelled as the language hears it: split or joined words, loan names, mishearings. */
    PHONETIC,
    /** Only the spoken artist tells two items of the same name apart. */
    ARTIST,
    /** A name that is not in the library but resembles one that is: the answer is "not found". */
    NEAR_MISS;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static Category of(String label) {
        return Labels.find(values(), Category::label, label, "category");
    }
}
