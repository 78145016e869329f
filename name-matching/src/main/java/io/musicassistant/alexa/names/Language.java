package io.musicassistant.alexa.names;

import static io.musicassistant.alexa.names.NumberWords.HUNDRED;
import static io.musicassistant.alexa.names.NumberWords.THOUSAND;
import static io.musicassistant.alexa.names.NumberWords.values;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one language says differently: its number words, its "and", its leading articles, the
 * words before a room ("im", "dans la"), abbreviations read aloud, and which phonetic code fits
 * its sounds ({@link Sounds}). English number words and "the" are understood in every language,
 * because libraries everywhere hold English names ("Twenty One Pilots", "The Beatles").
 */
record Language(
        String code,
        NumberWords numbers,
        Set<String> and,
        Set<String> articles,
        Set<String> roomWords,
        Map<String, String> abbreviations,
        boolean apostropheSplits,
        Sounds sounds) {

    private static final Map<String, Long> EN_NUMBERS = values(
            "zero oh one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
                    + " sixteen seventeen eighteen nineteen twenty thirty forty fourty fifty sixty seventy eighty"
                    + " ninety hundred thousand",
            0,
            0,
            1,
            2,
            3,
            4,
            5,
            6,
            7,
            8,
            9,
            10,
            11,
            12,
            13,
            14,
            15,
            16,
            17,
            18,
            19,
            20,
            30,
            40,
            40,
            50,
            60,
            70,
            80,
            90,
            HUNDRED,
            THOUSAND);
    private static final Set<String> EN_ARTICLES = Set.of("the", "a", "an");
    private static final Set<String> EN_ROOM_WORDS = Set.of("the", "in", "on", "at", "my", "in the", "on the");

    static final Language EN = new Language(
            "en",
            numbers(Map.of(), Set.of("and"), false, false),
            Set.of("and", "n"),
            EN_ARTICLES,
            EN_ROOM_WORDS,
            Map.of("st", "saint", "mr", "mister", "dr", "doctor", "jr", "junior", "vs", "versus", "v", "versus"),
            false,
            Sounds.DOUBLE_METAPHONE);

    private static final Language DE = new Language(
            "de",
            numbers(
                    values(
                            "null ein eins eine zwei zwo drei vier funf sechs sieben acht neun zehn elf zwolf dreizehn"
                                    + " vierzehn funfzehn sechzehn siebzehn achtzehn neunzehn zwanzig dreissig"
                                    + " vierzig funfzig sechzig siebzig achtzig neunzig hundert tausend",
                            0,
                            1,
                            1,
                            1,
                            2,
                            2,
                            3,
                            4,
                            5,
                            6,
                            7,
                            8,
                            9,
                            10,
                            11,
                            12,
                            13,
                            14,
                            15,
                            16,
                            17,
                            18,
                            19,
                            20,
                            30,
                            40,
                            50,
                            60,
                            70,
                            80,
                            90,
                            HUNDRED,
                            THOUSAND),
                    Set.of("und"),
                    true,
                    false),
            Set.of("und"),
            Set.of("der", "die", "das", "den", "dem", "des"),
            Set.of(
                    "der", "die", "das", "den", "dem", "im", "in", "ins", "am", "an", "auf", "vom", "von", "zum", "zur",
                    "mein", "meine", "meinem", "meiner", "in der", "in dem", "auf dem", "auf der"),
            Map.of("st", "sankt", "vs", "versus", "dr", "doktor"),
            false,
            Sounds.COLOGNE);

    private static final Language FR = new Language(
            "fr",
            numbers(
                    values(
                            "zero un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze"
                                    + " quinze seize vingt vingts trente quarante cinquante soixante septante"
                                    + " huitante octante nonante cent cents mille mil",
                            0,
                            1,
                            1,
                            2,
                            3,
                            4,
                            5,
                            6,
                            7,
                            8,
                            9,
                            10,
                            11,
                            12,
                            13,
                            14,
                            15,
                            16,
                            20,
                            20,
                            30,
                            40,
                            50,
                            60,
                            70,
                            80,
                            80,
                            90,
                            HUNDRED,
                            HUNDRED,
                            THOUSAND,
                            THOUSAND),
                    Set.of("et"),
                    false,
                    true),
            Set.of("et"),
            Set.of("le", "la", "les", "l"),
            Set.of(
                    "le",
                    "la",
                    "les",
                    "l",
                    "dans",
                    "au",
                    "aux",
                    "a",
                    "sur",
                    "mon",
                    "ma",
                    "mes",
                    "dans le",
                    "dans la",
                    "dans les",
                    "dans l",
                    "sur le",
                    "sur la",
                    "a la"),
            Map.of("st", "saint", "ste", "sainte", "vs", "versus"),
            true,
            Sounds.beiderMorse("french"));

    private static final Language ES = new Language(
            "es",
            numbers(
                    values(
                            "cero un uno una dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce"
                                    + " quince dieciseis diecisiete dieciocho diecinueve veinte veintiun veintiuno"
                                    + " veintiuna veintidos veintitres veinticuatro veinticinco veintiseis"
                                    + " veintisiete veintiocho veintinueve treinta cuarenta cincuenta sesenta"
                                    + " setenta ochenta noventa cien ciento doscientos doscientas trescientos"
                                    + " cuatrocientos quinientos seiscientos setecientos ochocientos novecientos mil",
                            0,
                            1,
                            1,
                            1,
                            2,
                            3,
                            4,
                            5,
                            6,
                            7,
                            8,
                            9,
                            10,
                            11,
                            12,
                            13,
                            14,
                            15,
                            16,
                            17,
                            18,
                            19,
                            20,
                            21,
                            21,
                            21,
                            22,
                            23,
                            24,
                            25,
                            26,
                            27,
                            28,
                            29,
                            30,
                            40,
                            50,
                            60,
                            70,
                            80,
                            90,
                            HUNDRED,
                            HUNDRED,
                            200,
                            200,
                            300,
                            400,
                            500,
                            600,
                            700,
                            800,
                            900,
                            THOUSAND),
                    Set.of("y"),
                    false,
                    false),
            Set.of("y"),
            Set.of("el", "la", "los", "las"),
            Set.of("el", "la", "los", "las", "en", "en el", "en la", "del", "de la", "mi", "mis"),
            Map.of("sta", "santa", "sto", "santo", "vs", "versus"),
            false,
            Sounds.beiderMorse("spanish"));

    private static final Language IT = new Language(
            "it",
            numbers(
                    values(
                            "zero un uno una due tre quattro cinque sei sette otto nove dieci undici dodici tredici"
                                    + " quattordici quindici sedici diciassette diciotto diciannove venti vent"
                                    + " trenta trent quaranta quarant cinquanta cinquant sessanta sessant settanta"
                                    + " settant ottanta ottant novanta novant cento cent mille mila",
                            0,
                            1,
                            1,
                            1,
                            2,
                            3,
                            4,
                            5,
                            6,
                            7,
                            8,
                            9,
                            10,
                            11,
                            12,
                            13,
                            14,
                            15,
                            16,
                            17,
                            18,
                            19,
                            20,
                            20,
                            30,
                            30,
                            40,
                            40,
                            50,
                            50,
                            60,
                            60,
                            70,
                            70,
                            80,
                            80,
                            90,
                            90,
                            HUNDRED,
                            HUNDRED,
                            THOUSAND,
                            THOUSAND),
                    Set.of("e"),
                    true,
                    false),
            Set.of("e", "ed"),
            Set.of("il", "lo", "la", "i", "gli", "le", "l"),
            Set.of(
                    "il",
                    "lo",
                    "la",
                    "l",
                    "in",
                    "nel",
                    "nella",
                    "nello",
                    "nell",
                    "sul",
                    "sulla",
                    "al",
                    "alla",
                    "mio",
                    "mia",
                    "in cucina"),
            Map.of("vs", "versus"),
            true,
            Sounds.beiderMorse("italian"));

    private static final Language PT = new Language(
            "pt",
            numbers(
                    values(
                            "zero um uma dois duas tres quatro cinco seis sete oito nove dez onze doze treze catorze"
                                    + " quatorze quinze dezesseis dezasseis dezessete dezassete dezoito dezenove"
                                    + " dezanove vinte trinta quarenta cinquenta sessenta setenta oitenta noventa"
                                    + " cem cento duzentos duzentas trezentos quatrocentos quinhentos seiscentos"
                                    + " setecentos oitocentos novecentos mil",
                            0,
                            1,
                            1,
                            2,
                            2,
                            3,
                            4,
                            5,
                            6,
                            7,
                            8,
                            9,
                            10,
                            11,
                            12,
                            13,
                            14,
                            14,
                            15,
                            16,
                            16,
                            17,
                            17,
                            18,
                            19,
                            19,
                            20,
                            30,
                            40,
                            50,
                            60,
                            70,
                            80,
                            90,
                            HUNDRED,
                            HUNDRED,
                            200,
                            200,
                            300,
                            400,
                            500,
                            600,
                            700,
                            800,
                            900,
                            THOUSAND),
                    Set.of("e"),
                    false,
                    false),
            Set.of("e"),
            Set.of("o", "a", "os", "as"),
            Set.of("o", "a", "os", "as", "no", "na", "nos", "nas", "em", "do", "da", "meu", "minha"),
            Map.of("sta", "santa", "sto", "santo", "vs", "versus"),
            false,
            Sounds.beiderMorse("portuguese"));

    /** Japanese: kana are read as romaji (see {@link Scripts}); names compare by their sound in Latin letters. */
    private static final Language JA = new Language(
            "ja", EN.numbers, EN.and, EN_ARTICLES, Set.of("no"), EN.abbreviations, false, Sounds.DOUBLE_METAPHONE);

    /** Hindi: Devanagari is read into Latin letters; Hinglish names are spelt in English letters. */
    private static final Language HI = new Language(
            "hi",
            EN.numbers,
            union(EN.and, Set.of("aur")),
            EN_ARTICLES,
            union(EN_ROOM_WORDS, Set.of("mein", "me")),
            EN.abbreviations,
            false,
            Sounds.DOUBLE_METAPHONE);

    private static final Map<String, Language> ALL =
            Map.of("en", EN, "de", DE, "fr", FR, "es", ES, "it", IT, "pt", PT, "ja", JA, "hi", HI);

    static Language of(String code) {
        return ALL.getOrDefault(code, EN);
    }

    static List<String> codes() {
        return List.copyOf(ALL.keySet());
    }

    /** The language's number words with English's beneath them: its own win where both have a word. */
    private static NumberWords numbers(Map<String, Long> own, Set<String> joiners, boolean glued, boolean vigesimal) {
        Map<String, Long> words = new HashMap<>(EN_NUMBERS);
        words.putAll(own);
        return new NumberWords(words, union(joiners, Set.of("and")), Set.of("oh"), glued, vigesimal);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new HashSet<>(a);
        u.addAll(b);
        return Set.copyOf(u);
    }

    /** Whether {@code token} is a leading article of this language or English's "the". */
    boolean isArticle(String token) {
        return articles.contains(token) || token.equals("the");
    }

    /** Whether {@code token} means "and" here: the language's word, English "and", "&" or "+". */
    boolean isAnd(String token) {
        return and.contains(token) || EN.and.contains(token) || token.equals("&") || token.equals("+");
    }
}
