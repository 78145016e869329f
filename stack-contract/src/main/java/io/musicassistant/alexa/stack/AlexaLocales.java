package io.musicassistant.alexa.stack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.SequencedSet;

/**
 * The locales both skills serve and the Alexa region that calls our Lambdas for each: the deploy
 * tool routes the manifests' locales with it, the CDK app derives each region's catalog locales
 * from it, and the tests hold both skill packages to exactly these locales. Alexa picks the region
 * by the marketplace of the user's Amazon account; these rows are the marketplaces' languages
 * (docs/locales.md): the Americas NA, Europe and India EU, Japan and Australia FE.
 */
public final class AlexaLocales {

    private static final SequencedMap<String, AlexaRegion> REGIONS;

    static {
        SequencedMap<String, AlexaRegion> regions = new LinkedHashMap<>();
        for (String locale : List.of("en-US", "en-CA", "fr-CA", "es-MX", "es-US", "pt-BR")) {
            regions.put(locale, AlexaRegion.NA);
        }
        for (String locale : List.of("en-GB", "de-DE", "fr-FR", "it-IT", "es-ES", "en-IN", "hi-IN")) {
            regions.put(locale, AlexaRegion.EU);
        }
        for (String locale : List.of("ja-JP", "en-AU")) {
            regions.put(locale, AlexaRegion.FE);
        }
        REGIONS = Collections.unmodifiableSequencedMap(regions);
    }

    private AlexaLocales() {}

    /** Every locale the skills must list (issue 14's fifteen), NA's first, then EU's, then FE's. */
    public static SequencedSet<String> all() {
        return REGIONS.sequencedKeySet();
    }

    /** The region whose endpoint Alexa calls for a locale such as {@code ja-JP}; empty for one not in the table. */
    public static Optional<AlexaRegion> regionOf(String locale) {
        return Optional.ofNullable(REGIONS.get(locale));
    }

    /** The table's locales that a region serves, in the table's order. */
    public static List<String> servedBy(AlexaRegion region) {
        List<String> locales = new ArrayList<>();
        REGIONS.forEach((locale, r) -> {
            if (r == region) {
                locales.add(locale);
            }
        });
        return List.copyOf(locales);
    }

    /** The whole table, locale → region. */
    public static Map<String, AlexaRegion> regions() {
        return REGIONS;
    }
}
