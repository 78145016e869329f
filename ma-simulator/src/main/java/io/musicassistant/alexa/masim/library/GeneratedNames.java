package io.musicassistant.alexa.masim.library;

import static io.musicassistant.alexa.masim.library.GeneratorWords.ACCENTED;
import static io.musicassistant.alexa.masim.library.GeneratorWords.ADJECTIVES;
import static io.musicassistant.alexa.masim.library.GeneratorWords.CITIES;
import static io.musicassistant.alexa.masim.library.GeneratorWords.NOUNS;
import static io.musicassistant.alexa.masim.library.GeneratorWords.PLURALS;

import java.util.Locale;

/**
 * The shapes of generated names ({@link GeneratorWords}): artist names with leading "The", "&",
 * initials, slashes, digits and articles; album and track titles in Latin, Japanese, Cyrillic and
 * Greek script. Draws from the generator's {@link Draws}, in the generator's order.
 */
final class GeneratedNames {

    /** The script an artist's names are written in. */
    enum Script {
        LATIN,
        JAPANESE,
        CYRILLIC,
        GREEK
    }

    private final Draws random;

    GeneratedNames(Draws random) {
        this.random = random;
    }

    Script script() {
        int roll = random.nextInt(100);
        if (roll < 6) {
            return Script.JAPANESE;
        }
        if (roll < 11) {
            return Script.CYRILLIC;
        }
        return roll < 15 ? Script.GREEK : Script.LATIN;
    }

    String albumTitle(AlbumType type, String artistName, Script script) {
        switch (type) {
            case COMPILATION -> {
                return switch (random.nextInt(4)) {
                    case 0 -> "Greatest Hits";
                    case 1 -> "The Best of " + artistName;
                    case 2 -> "Hits " + random.between(1970, 1995) + "–" + random.between(1996, 2020);
                    default -> "Essentials";
                };
            }
            case LIVE -> {
                return random.nextBoolean()
                        ? "Live at " + random.pick(GeneratorWords.VENUES)
                        : "Live in " + random.pick(CITIES) + " " + random.between(1968, 2024);
            }
            case SOUNDTRACK -> {
                return random.pick(NOUNS) + " (Original Motion Picture Soundtrack)";
            }
            case EP -> {
                return plainTitle(script) + " EP";
            }
            case SINGLE -> {
                return trackTitle(script, 2);
            }
            default -> {
                return plainTitle(script);
            }
        }
    }

    String plainTitle(Script script) {
        return switch (script) {
            case JAPANESE -> japaneseTitle();
            case CYRILLIC -> cyrillicTitle();
            case GREEK -> greekTitle();
            default ->
                switch (random.nextInt(11)) {
                    case 0, 1 -> random.pick(ADJECTIVES) + " " + random.pick(PLURALS);
                    case 2, 3 -> random.pick(NOUNS);
                    case 4 -> "The " + random.pick(NOUNS) + " of " + random.pick(NOUNS);
                    case 5 ->
                        random.nextBoolean()
                                ? Integer.toString(random.between(1965, 2024))
                                : Integer.toString(random.between(2, 99));
                    case 6 -> random.pick(NOUNS) + " & " + random.pick(NOUNS);
                    case 7 -> "Songs from the " + random.pick(NOUNS);
                    case 8 -> random.pick(ACCENTED);
                    case 9 -> random.pick(NOUNS) + ", Vol. " + random.between(1, 4);
                    default -> random.pick(ADJECTIVES);
                };
        };
    }

    String trackTitle(Script script, int number) {
        if (script != Script.LATIN && random.nextInt(5) > 0) {
            return plainTitle(script);
        }
        return switch (random.nextInt(20)) {
            case 0, 1, 2 -> random.pick(ADJECTIVES) + " " + random.pick(NOUNS);
            case 3, 4 -> random.pick(NOUNS);
            case 5 -> "Don't " + random.pick(GeneratorWords.VERBS);
            case 6 -> random.pick(NOUNS) + " of the " + random.pick(PLURALS);
            case 7 -> random.pick(GeneratorWords.GERUNDS) + " " + random.pick(PLURALS);
            case 8 -> random.pick(NOUNS) + ", Pt. " + random.between(2, 3);
            case 9 -> random.between(2, 99) + " " + random.pick(PLURALS);
            case 10 -> random.pick(NOUNS) + " & " + random.pick(NOUNS);
            case 11 -> random.pick(NOUNS) + " '" + String.format(Locale.ROOT, "%02d", random.between(0, 99));
            case 12 -> "(" + random.pick(GeneratorWords.VERBS) + ") The " + random.pick(NOUNS);
            case 13 -> random.nextBoolean() ? "I'm " + random.pick(ADJECTIVES) : "We Are " + random.pick(PLURALS);
            case 14 -> random.pick(NOUNS) + (random.nextBoolean() ? "?" : "!");
            case 15 -> random.nextBoolean() ? "Midnight in " + random.pick(CITIES) : random.pick(CITIES) + " Nights";
            case 16 -> Integer.toString(random.between(1960, 2024));
            case 17 -> random.pick(NOUNS) + "/" + random.pick(NOUNS);
            case 18 -> random.pick(ACCENTED);
            default -> number == 1 ? "Intro" : random.nextBoolean() ? "Interlude" : random.pick(GeneratorWords.VERBS);
        };
    }

    String japaneseTitle() {
        return switch (random.nextInt(4)) {
            case 0 -> random.pick(GeneratorWords.JA_ADJECTIVES) + random.pick(GeneratorWords.JA_NOUNS);
            case 1 -> random.pick(GeneratorWords.JA_NOUNS) + "の" + random.pick(GeneratorWords.JA_NOUNS);
            case 2 -> random.pick(GeneratorWords.JA_KATAKANA);
            default -> random.pick(GeneratorWords.JA_NOUNS) + "へ";
        };
    }

    String cyrillicTitle() {
        return switch (random.nextInt(3)) {
            case 0 -> random.pick(GeneratorWords.RU_NOUNS);
            case 1 ->
                random.pick(GeneratorWords.RU_NOUNS) + " и "
                        + random.pick(GeneratorWords.RU_NOUNS).toLowerCase(Locale.ROOT);
            default -> random.pick(GeneratorWords.RU_NOUNS) + " " + random.between(2, 99);
        };
    }

    String greekTitle() {
        return random.nextBoolean()
                ? random.pick(GeneratorWords.EL_NOUNS)
                : random.pick(GeneratorWords.EL_NOUNS) + " και " + random.pick(GeneratorWords.EL_NOUNS);
    }

    String latinArtistName(int roll) {
        if (roll < 14) {
            return random.nextInt(3) == 0
                    ? "The " + random.pick(PLURALS)
                    : "The " + random.pick(ADJECTIVES) + " " + random.pick(PLURALS);
        }
        if (roll < 38) {
            return random.pick(GeneratorWords.FIRST_NAMES) + " " + random.pick(GeneratorWords.LAST_NAMES);
        }
        if (roll < 44) {
            return random.nextBoolean()
                    ? random.pick(GeneratorWords.FIRST_NAMES) + " & the " + random.pick(PLURALS)
                    : random.pick(NOUNS) + " & " + random.pick(NOUNS);
        }
        if (roll < 47) {
            StringBuilder initials = new StringBuilder();
            for (int i = 0, n = random.between(2, 4); i < n; i++) {
                initials.append((char) ('A' + random.nextInt(26))).append('.');
            }
            return initials.toString();
        }
        if (roll < 50) {
            return random.letters(random.between(2, 3)) + "/" + random.letters(2);
        }
        if (roll < 56) {
            return switch (random.nextInt(3)) {
                case 0 -> random.between(2, 999) + " " + random.pick(PLURALS);
                case 1 -> random.pick(NOUNS) + " " + random.between(1, 99);
                default -> random.pick(NOUNS) + "-" + random.between(180, 999);
            };
        }
        if (roll < 68) {
            return random.nextBoolean()
                    ? random.pick(NOUNS)
                    : random.pick(NOUNS) + random.pick(NOUNS).toLowerCase(Locale.ROOT);
        }
        if (roll < 71) {
            return random.nextBoolean() ? "DJ " + random.pick(GeneratorWords.FIRST_NAMES) : "MC " + random.pick(NOUNS);
        }
        if (roll < 75) {
            return random.pick(ADJECTIVES) + " " + random.pick(NOUNS) + " " + random.pick(GeneratorWords.ENSEMBLES);
        }
        if (roll < 78) {
            return random.pick(GeneratorWords.FOREIGN_ARTICLES) + " " + random.pick(NOUNS);
        }
        if (roll < 80) {
            return (random.pick(ADJECTIVES) + " " + random.pick(PLURALS)).toLowerCase(Locale.ROOT);
        }
        return random.nextBoolean()
                ? random.pick(GeneratorWords.FIRST_NAMES) + " + the " + random.pick(PLURALS)
                : random.pick(NOUNS) + "!";
    }
}
