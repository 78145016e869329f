package io.musicassistant.alexa.connector.catalog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers in names as people say them in English, for the voice catalogs' alternate names: Amazon's
 * voice modeling wants numbers spelled out ("understand voice modeling": spell out numbers and other
 * non-alphabetic characters). Years read as years ("1999" → "nineteen ninety nine", "2005" → "two
 * thousand five"), ordinals as ordinals ("4th" → "fourth"), other numbers as cardinals in American
 * style ("182" → "one hundred eighty two"), numbers with leading zeros digit by digit.
 */
final class SpokenNumbers {

    private static final String[] ONES = {
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen"
    };
    private static final String[] TENS = {
        "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"
    };
    private static final String[][] SCALES = {{"billion", "1000000000"}, {"million", "1000000"}, {"thousand", "1000"}};
    /** Beyond this, digit by digit: nobody says a twelve-digit name as one number. */
    private static final long MAX_CARDINAL = 999_999_999_999L;
    /**
     * A number: digits with optional thousands groups ("1,000") or a decimal part ("2.0"), and an
     * optional ordinal suffix. Not inside a longer run of digits and separators.
     */
    private static final Pattern NUMBER = Pattern.compile(
            "(?<!\\d)(?<!\\d[.,])(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?(?:(st|nd|rd|th)(?!\\p{L}))?(?!\\d)",
            Pattern.CASE_INSENSITIVE);

    private SpokenNumbers() {}

    /** {@code text} with every number spelled out, kept apart from adjacent letters ("U2" → "U two", "Vol.2" → "Vol. two"). */
    static String spellAll(String text) {
        Matcher m = NUMBER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 16);
        int last = 0;
        while (m.find()) {
            String digits = m.group(1).replace(",", "");
            String spoken = spell(digits, m.group(2), m.group(3));
            out.append(text, last, m.start());
            if (m.start() > 0
                    && (Character.isLetter(text.charAt(m.start() - 1)) || text.charAt(m.start() - 1) == '.')) {
                out.append(' ');
            }
            out.append(spoken);
            if (m.end() < text.length() && Character.isLetter(text.charAt(m.end()))) {
                out.append(' ');
            }
            last = m.end();
        }
        return out.append(text, last, text.length()).toString();
    }

    private static String spell(String digits, String decimals, String ordinalSuffix) {
        if (digits.length() > 1 && digits.charAt(0) == '0') {
            return digitByDigit(digits) + (decimals == null ? "" : " point " + digitByDigit(decimals));
        }
        if (digits.length() > 12) {
            return digitByDigit(digits);
        }
        long value = Long.parseLong(digits);
        if (decimals != null) {
            return cardinal(value) + " point " + digitByDigit(decimals);
        }
        if (ordinalSuffix != null) {
            return ordinal(value);
        }
        if (digits.length() == 4 && value >= 1100 && value <= 2099) {
            return year((int) value);
        }
        return cardinal(value);
    }

    /** American cardinal, without "and": 182 → "one hundred eighty two". */
    static String cardinal(long n) {
        if (n < 0 || n > MAX_CARDINAL) {
            throw new IllegalArgumentException("out of range: " + n);
        }
        if (n < 1000) {
            return belowThousand((int) n);
        }
        StringBuilder out = new StringBuilder();
        long rest = n;
        for (String[] scale : SCALES) {
            long unit = Long.parseLong(scale[1]);
            if (rest >= unit) {
                append(out, belowThousand((int) (rest / unit)) + " " + scale[0]);
                rest %= unit;
            }
        }
        if (rest > 0) {
            append(out, belowThousand((int) rest));
        }
        return out.toString();
    }

    /** A year as people say it: 1999 "nineteen ninety nine", 1905 "nineteen oh five", 1900 "nineteen hundred", 2007 "two thousand seven", 2024 "twenty twenty four". */
    static String year(int y) {
        if (y >= 2000 && y <= 2009) {
            return cardinal(y);
        }
        int century = y / 100;
        int rest = y % 100;
        String head = belowThousand(century);
        if (rest == 0) {
            return head + " hundred";
        }
        return head + (rest < 10 ? " oh " : " ") + belowThousand(rest);
    }

    /** 1 "first", 22 "twenty second", 100 "one hundredth". */
    static String ordinal(long n) {
        String words = cardinal(n);
        int space = words.lastIndexOf(' ');
        String last = words.substring(space + 1);
        String head = words.substring(0, space + 1);
        String ordinalLast = switch (last) {
            case "one" -> "first";
            case "two" -> "second";
            case "three" -> "third";
            case "five" -> "fifth";
            case "eight" -> "eighth";
            case "nine" -> "ninth";
            case "twelve" -> "twelfth";
            default -> last.endsWith("y") ? last.substring(0, last.length() - 1) + "ieth" : last + "th";
        };
        return head + ordinalLast;
    }

    private static String belowThousand(int n) {
        StringBuilder out = new StringBuilder();
        if (n >= 100) {
            out.append(ONES[n / 100]).append(" hundred");
            n %= 100;
            if (n == 0) {
                return out.toString();
            }
            out.append(' ');
        }
        if (n < 20) {
            return out.append(ONES[n]).toString();
        }
        out.append(TENS[n / 10]);
        if (n % 10 != 0) {
            out.append(' ').append(ONES[n % 10]);
        }
        return out.toString();
    }

    private static String digitByDigit(String digits) {
        StringBuilder out = new StringBuilder();
        for (char c : digits.toCharArray()) {
            append(out, ONES[c - '0']);
        }
        return out.toString();
    }

    private static void append(StringBuilder out, String words) {
        if (!out.isEmpty()) {
            out.append(' ');
        }
        out.append(words);
    }
}
