package io.musicassistant.alexa.control.voice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The sentences of one locale, from {@code Messages*.properties} next to this class. Placeholders are
 * {@code {name}}, filled literally (no MessageFormat: apostrophes in English text stay as written).
 * One file per language ({@code Messages_fr.properties} serves fr-FR and fr-CA); a language
 * without a file, and a null locale, gets English ({@code Messages.properties}).
 */
public final class Messages {

    private static final String BUNDLE = "io.musicassistant.alexa.control.voice.Messages";
    /** Names from Music Assistant or from what a user said are cut here before they are spoken. */
    public static final int MAX_NAME_LENGTH = 80;
    /** Lists of rooms name at most this many; the rest are counted. */
    public static final int MAX_LISTED = 12;

    private static final Messages ENGLISH = new Messages(load(Locale.ROOT), Locale.ENGLISH);
    private static final Map<String, Messages> BY_LANGUAGE = new ConcurrentHashMap<>(Map.of("en", ENGLISH));
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    private static final Pattern WORD_LIST = Pattern.compile("\\s*\\|\\s*");

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    private static ResourceBundle load(Locale locale) {
        // No fallback to the JVM's default locale: a Lambda in Frankfurt must still answer en-US in English.
        return ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The messages for an Alexa locale such as {@code de-DE}; null or unknown locales get English. */
    public static Messages forLocale(String alexaLocale) {
        if (alexaLocale == null || alexaLocale.length() < 2) {
            return ENGLISH;
        }
        String language = alexaLocale.substring(0, 2).toLowerCase(Locale.ROOT);
        if (!LANGUAGE.matcher(language).matches()) {
            return ENGLISH;
        }
        return BY_LANGUAGE.computeIfAbsent(language, l -> {
            Locale locale = Locale.of(l);
            ResourceBundle bundle = load(locale);
            // the no-fallback control ends at the base (English) bundle when the language has no file
            return bundle.getLocale().getLanguage().equals(l) ? new Messages(bundle, locale) : ENGLISH;
        });
    }

    /** The language these messages are in ({@code en}, {@code de}, …). */
    public String language() {
        return locale.getLanguage();
    }

    /**
     * A list of words or phrases kept under {@code key} as {@code a | b | c}: the words this
     * language uses for something (repeat modes, what a query's first words mean), lower case.
     */
    public List<String> words(String key) {
        return WORD_LIST
                .splitAsStream(say(key).strip())
                .filter(w -> !w.isEmpty())
                .map(w -> w.toLowerCase(locale))
                .toList();
    }

    public static Messages english() {
        return ENGLISH;
    }

    /**
     * The sentence {@code key} with its placeholders filled from name/value pairs. A value that
     * already starts with "the" replaces "the {name}" whole, so that "The Den" is not "the The Den";
     * callers cut names with {@link #cut} (lists are longer than one name, so this does not).
     */
    public String say(String key, Object... namesAndValues) {
        String text;
        try {
            text = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no message " + key + " for " + locale, e);
        }
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            String name = String.valueOf(namesAndValues[i]);
            String value = String.valueOf(namesAndValues[i + 1]);
            if (value.regionMatches(true, 0, "the ", 0, 4)) {
                text = text.replace("the {" + name + "}", value);
            }
            text = text.replace("{" + name + "}", value);
        }
        return text;
    }

    /** A date as it is spoken in this language ("March 3, 2026", "3. März 2026"), in UTC. */
    public String date(java.time.Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern(say("date.pattern"), locale)
                .format(instant.atZone(java.time.ZoneOffset.UTC));
    }

    /** "A, B and C", naming at most {@link #MAX_LISTED} and counting the rest. */
    public String and(List<String> items) {
        return join(items, say("list.and"));
    }

    /** "A, B or C". */
    public String or(List<String> items) {
        return join(items, say("list.or"));
    }

    private String join(List<String> items, String last) {
        List<String> named = items.stream().map(Messages::cut).toList();
        if (named.size() > MAX_LISTED) {
            int rest = named.size() - (MAX_LISTED - 1);
            named = new ArrayList<>(named.subList(0, MAX_LISTED - 1));
            named.add(say("list.more", "count", rest));
        }
        if (named.isEmpty()) {
            return "";
        }
        if (named.size() == 1) {
            return named.getFirst();
        }
        return String.join(", ", named.subList(0, named.size() - 1)) + last + named.getLast();
    }

    /** A name as it may be spoken: stripped, and cut to {@link #MAX_NAME_LENGTH}. */
    public static String cut(String value) {
        String v = value == null ? "" : value.strip();
        if (v.length() <= MAX_NAME_LENGTH) {
            return v;
        }
        int end = MAX_NAME_LENGTH;
        if (Character.isHighSurrogate(v.charAt(end - 1))) {
            end--;
        }
        return v.substring(0, end).strip();
    }
}
