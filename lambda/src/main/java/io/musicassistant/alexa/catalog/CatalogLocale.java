package io.musicassistant.alexa.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A locale a catalog serves, as Amazon's documents write it: {@code {"country": "US", "language": "en"}}. */
public record CatalogLocale(String country, String language) {

    private static final Pattern TAG = Pattern.compile("([a-z]{2})-([A-Z]{2})");

    /** Parses {@code CATALOG_LOCALES}, e.g. {@code en-GB,de-DE}. */
    public static List<CatalogLocale> parse(String tags) {
        if (tags == null || tags.isBlank()) {
            throw new IllegalArgumentException("CATALOG_LOCALES must name at least one locale, e.g. en-US");
        }
        List<CatalogLocale> locales = new ArrayList<>();
        for (String tag : tags.split(",")) {
            Matcher m = TAG.matcher(tag.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("CATALOG_LOCALES: " + tag.strip() + " is not a locale like en-US");
            }
            CatalogLocale locale = new CatalogLocale(m.group(2), m.group(1));
            if (!locales.contains(locale)) {
                locales.add(locale);
            }
        }
        return List.copyOf(locales);
    }

    /** The distinct languages of these locales, in order: each name is given once per language. */
    public static List<String> languages(List<CatalogLocale> locales) {
        LinkedHashSet<String> languages = new LinkedHashSet<>();
        locales.forEach(l -> languages.add(l.language()));
        return List.copyOf(languages);
    }

    public String tag() {
        return language + "-" + country.toUpperCase(Locale.ROOT);
    }
}
