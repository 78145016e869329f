package io.musicassistant.alexa.names;

import static io.musicassistant.alexa.names.NumberWords.values;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one language says differently: its number words, its "and", its leading articles, the
 * words before a room ("im"), abbreviations read aloud, and which phonetic code fits
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
        Map<String, String> ordinals,
        Sounds sounds) {

    private static final Map<String, Long> EN_NUMBERS =
            values("zero=0 oh=0 one=1 two=2 three=3 four=4 five=5 six=6 seven=7 eight=8 nine=9 ten=10 eleven=11 "
                    + "twelve=12 thirteen=13 fourteen=14 fifteen=15 sixteen=16 seventeen=17 eighteen=18 nineteen=19 "
                    + "twenty=20 thirty=30 forty=40 fourty=40 fifty=50 sixty=60 seventy=70 eighty=80 ninety=90 "
                    + "hundred=H thousand=K");
    private static final Set<String> EN_ARTICLES = Set.of("the", "a", "an");
    private static final Set<String> EN_ROOM_WORDS = Set.of("the", "in", "on", "at", "my");

    static final Language EN = new Language(
            "en",
            numbers(Map.of(), Set.of("and"), false, false),
            Set.of("and", "n"),
            EN_ARTICLES,
            EN_ROOM_WORDS,
            Map.of("st", "saint", "mr", "mister", "dr", "doctor", "jr", "junior", "vs", "versus", "v", "versus"),
            false,
            ordinals("first second third fourth fifth sixth seventh eighth ninth tenth"),
            Sounds.DOUBLE_METAPHONE);

    private static final Language DE = new Language(
            "de",
            numbers(
                    values(
                            "null=0 ein=1 eins=1 eine=1 zwei=2 zwo=2 drei=3 vier=4 funf=5 sechs=6 sieben=7 acht=8 neun=9 "
                                    + "zehn=10 elf=11 zwolf=12 dreizehn=13 vierzehn=14 funfzehn=15 sechzehn=16 siebzehn=17 achtzehn=18 "
                                    + "neunzehn=19 zwanzig=20 dreissig=30 vierzig=40 funfzig=50 sechzig=60 siebzig=70 achtzig=80 "
                                    + "neunzig=90 hundert=H tausend=K"),
                    Set.of("und"),
                    true,
                    false),
            Set.of("und"),
            Set.of("der", "die", "das", "den", "dem", "des"),
            Set.of(
                    "der", "die", "das", "den", "dem", "im", "in", "ins", "am", "an", "auf", "vom", "von", "zum", "zur",
                    "mein", "meine", "meinem", "meiner"),
            Map.of("st", "sankt", "vs", "versus", "dr", "doktor"),
            false,
            ordinals(
                    "erste zweite dritte vierte funfte sechste siebte achte neunte zehnte",
                    "erster zweiter dritter vierter funfter sechster siebter achter neunter zehnter"),
            Sounds.COLOGNE);

    private static final Language FR = new Language(
            "fr",
            numbers(
                    values("zero=0 un=1 une=1 deux=2 trois=3 quatre=4 cinq=5 six=6 sept=7 huit=8 neuf=9 dix=10 onze=11 "
                            + "douze=12 treize=13 quatorze=14 quinze=15 seize=16 vingt=20 vingts=20 trente=30 quarante=40 "
                            + "cinquante=50 soixante=60 septante=70 huitante=80 octante=80 nonante=90 cent=H cents=H mille=K "
                            + "mil=K"),
                    Set.of("et"),
                    false,
                    true),
            Set.of("et"),
            Set.of("le", "la", "les", "l"),
            Set.of("le", "la", "les", "l", "dans", "au", "aux", "a", "sur", "mon", "ma", "mes"),
            Map.of("st", "saint", "ste", "sainte", "vs", "versus"),
            true,
            ordinals("premier deuxieme troisieme quatrieme cinquieme sixieme septieme huitieme neuvieme dixieme"),
            Sounds.beiderMorse("french"));

    private static final Language ES = new Language(
            "es",
            numbers(
                    values(
                            "cero=0 un=1 uno=1 una=1 dos=2 tres=3 cuatro=4 cinco=5 seis=6 siete=7 ocho=8 nueve=9 diez=10 "
                                    + "once=11 doce=12 trece=13 catorce=14 quince=15 dieciseis=16 diecisiete=17 dieciocho=18 "
                                    + "diecinueve=19 veinte=20 veintiun=21 veintiuno=21 veintiuna=21 veintidos=22 veintitres=23 "
                                    + "veinticuatro=24 veinticinco=25 veintiseis=26 veintisiete=27 veintiocho=28 veintinueve=29 "
                                    + "treinta=30 cuarenta=40 cincuenta=50 sesenta=60 setenta=70 ochenta=80 noventa=90 cien=H ciento=H "
                                    + "doscientos=200 doscientas=200 trescientos=300 cuatrocientos=400 quinientos=500 seiscientos=600 "
                                    + "setecientos=700 ochocientos=800 novecientos=900 mil=K trescientas=300 cuatrocientas=400 "
                                    + "quinientas=500 seiscientas=600 setecientas=700 ochocientas=800 novecientas=900"),
                    Set.of("y"),
                    false,
                    false),
            Set.of("y"),
            Set.of("el", "la", "los", "las"),
            Set.of("el", "la", "los", "las", "en", "del", "mi", "mis"),
            Map.of("sta", "santa", "sto", "santo", "vs", "versus"),
            false,
            ordinals(
                    "primero segundo tercero cuarto quinto sexto septimo octavo noveno decimo",
                    "primera segunda tercera cuarta quinta sexta septima octava novena decima"),
            Sounds.beiderMorse("spanish"));

    private static final Language IT = new Language(
            "it",
            numbers(
                    values(
                            "zero=0 un=1 uno=1 una=1 due=2 tre=3 quattro=4 cinque=5 sei=6 sette=7 otto=8 nove=9 dieci=10 "
                                    + "undici=11 dodici=12 tredici=13 quattordici=14 quindici=15 sedici=16 diciassette=17 diciotto=18 "
                                    + "diciannove=19 venti=20 vent=20 trenta=30 trent=30 quaranta=40 quarant=40 cinquanta=50 "
                                    + "cinquant=50 sessanta=60 sessant=60 settanta=70 settant=70 ottanta=80 ottant=80 novanta=90 "
                                    + "novant=90 cento=H cent=H mille=K mila=K"),
                    Set.of("e"),
                    true,
                    false),
            Set.of("e", "ed"),
            Set.of("il", "lo", "la", "i", "gli", "le", "l"),
            Set.of(
                    "il", "lo", "la", "l", "in", "nel", "nella", "nello", "nell", "sul", "sulla", "al", "alla", "mio",
                    "mia"),
            Map.of("vs", "versus"),
            true,
            ordinals(
                    "primo secondo terzo quarto quinto sesto settimo ottavo nono decimo",
                    "prima seconda terza quarta quinta sesta settima ottava nona decima"),
            Sounds.beiderMorse("italian"));

    private static final Language PT = new Language(
            "pt",
            numbers(
                    values("zero=0 um=1 uma=1 dois=2 duas=2 tres=3 quatro=4 cinco=5 seis=6 sete=7 oito=8 nove=9 dez=10 "
                            + "onze=11 doze=12 treze=13 catorze=14 quatorze=14 quinze=15 dezesseis=16 dezasseis=16 "
                            + "dezessete=17 dezassete=17 dezoito=18 dezenove=19 dezanove=19 vinte=20 trinta=30 quarenta=40 "
                            + "cinquenta=50 sessenta=60 setenta=70 oitenta=80 noventa=90 cem=H cento=H duzentos=200 "
                            + "duzentas=200 trezentos=300 quatrocentos=400 quinhentos=500 seiscentos=600 setecentos=700 "
                            + "oitocentos=800 novecentos=900 mil=K"),
                    Set.of("e"),
                    false,
                    false),
            Set.of("e"),
            Set.of("o", "a", "os", "as"),
            Set.of("o", "a", "os", "as", "no", "na", "nos", "nas", "em", "do", "da", "meu", "minha"),
            Map.of("sta", "santa", "sto", "santo", "vs", "versus"),
            false,
            ordinals(
                    "primeiro segundo terceiro quarto quinto sexto setimo oitavo nono decimo",
                    "primeira segunda terceira quarta quinta sexta setima oitava nona decima"),
            Sounds.beiderMorse("portuguese"));

    /** Japanese: kana are read as romaji (see {@link Scripts}); names compare by their sound in Latin letters. */
    private static final Language JA = new Language(
            "ja",
            EN.numbers,
            EN.and,
            EN_ARTICLES,
            Set.of("no"),
            EN.abbreviations,
            false,
            Map.of(),
            Sounds.JAPANESE_EAR);

    /** Hindi: Devanagari is read into Latin letters; Hinglish names are spelt in English letters. */
    private static final Language HI = new Language(
            "hi",
            EN.numbers,
            union(EN.and, Set.of("aur")),
            EN_ARTICLES,
            union(EN_ROOM_WORDS, Set.of("mein", "me")),
            EN.abbreviations,
            false,
            EN.ordinals,
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

    /** Ordinal words to their digits; a second list holds other forms (feminine) of the same ordinals. */
    private static Map<String, String> ordinals(String... forms) {
        Map<String, String> map = new HashMap<>();
        for (String list : forms) {
            String[] words = list.split(" ");
            for (int i = 0; i < words.length; i++) {
                map.putIfAbsent(words[i], Integer.toString(i + 1));
            }
        }
        return Map.copyOf(map);
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
