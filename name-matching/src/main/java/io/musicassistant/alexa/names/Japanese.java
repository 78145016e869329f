package io.musicassistant.alexa.names;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Japanese needs beyond kana → romaji ({@link Scripts}): kanji numerals as digits ("三月九日" is
 * "3月9日", "三百六十五" is 365), the readings of a few kanji words common in room and station
 * names (子供部屋 is こどもへや), and an ear for loanwords: "レモン" (remon) is "Lemon", "ファーストラブ"
 * (faasutorabu) is "First Love", compared by their consonants as Japanese hears English ({@link #ear}).
 * Other kanji are not read: that needs a dictionary of readings (megabytes, and names have
 * irregular ones), so kanji names match only the same kanji.
 */
final class Japanese {

    private static final String DIGITS = "〇一二三四五六七八九";
    private static final Pattern NUMERAL = Pattern.compile("[〇一二三四五六七八九十百千]+");

    private static final Map<String, String> READINGS = Map.ofEntries(
            Map.entry("子供", "こども"),
            Map.entry("部屋", "へや"),
            Map.entry("居間", "いま"),
            Map.entry("台所", "だいどころ"),
            Map.entry("寝室", "しんしつ"),
            Map.entry("書斎", "しょさい"),
            Map.entry("浴室", "よくしつ"),
            Map.entry("風呂", "ふろ"),
            Map.entry("和室", "わしつ"),
            Map.entry("洋室", "ようしつ"),
            Map.entry("玄関", "げんかん"),
            Map.entry("東京", "とうきょう"),
            Map.entry("大阪", "おおさか"),
            Map.entry("横浜", "よこはま"),
            Map.entry("日本", "にっぽん"));

    private Japanese() {}

    /** {@code text} with kanji numerals as digits and the known kanji words in kana (then read as romaji). */
    static String read(String text) {
        String t = text;
        for (Map.Entry<String, String> e : READINGS.entrySet()) {
            t = t.replace(e.getKey(), e.getValue());
        }
        Matcher m = NUMERAL.matcher(t);
        return m.replaceAll(r -> Long.toString(value(r.group())));
    }

    private static long value(String numeral) {
        long total = 0;
        long current = 0;
        for (char c : numeral.toCharArray()) {
            int digit = DIGITS.indexOf(c);
            if (digit >= 0) {
                current = current * 10 + digit; // 二〇二四 is read digit by digit
            } else {
                long unit = c == '十' ? 10 : c == '百' ? 100 : 1000;
                total += Math.max(current, 1) * unit;
                current = 0;
            }
        }
        return total + current;
    }

    private static final Pattern R_BEFORE_CONSONANT = Pattern.compile("r(?=[^aeiouy]|$)");
    private static final Pattern SOFT_C = Pattern.compile("c(?=[eiy])");
    private static final Pattern VOWELS = Pattern.compile("[aeiouy]");
    private static final Pattern DOUBLES = Pattern.compile("(.)\\1+");

    /**
     * A word's consonants as a Japanese ear hears them: no "r" before a consonant or at the end
     * ("first" → "fast", as ファースト), l as r, v as b, m as n, th as s, c as s or k, x as ks;
     * vowels and doubled letters do not count. Romaji and English spellings of a loanword agree.
     * {@code words} are separated by spaces: a spelling rule never spans two words ("pop hits").
     */
    static String ear(String words) {
        StringBuilder heard = new StringBuilder();
        for (String word : words.split(" ")) {
            heard.append(earOfWord(word));
        }
        return heard.length() >= 3 ? heard.toString() : "";
    }

    private static String earOfWord(String word) {
        String s = R_BEFORE_CONSONANT.matcher(word).replaceAll("");
        s = s.replace("tch", "C")
                .replace("ch", "C")
                .replace("sh", "S")
                .replace("ts", "T")
                .replace("th", "s")
                .replace("ph", "f")
                .replace("ck", "k")
                .replace("x", "ks")
                .replace("q", "k");
        s = SOFT_C.matcher(s).replaceAll("s");
        s = s.replace('c', 'k')
                .replace('l', 'r')
                .replace('v', 'b')
                .replace('m', 'n')
                .replace('z', 'j');
        s = DOUBLES.matcher(s).replaceAll("$1");
        return VOWELS.matcher(s).replaceAll("");
    }
}
