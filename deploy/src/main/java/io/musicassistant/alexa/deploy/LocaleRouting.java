package io.musicassistant.alexa.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.stack.AlexaLocales;
import io.musicassistant.alexa.stack.AlexaRegion;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which Lambda Alexa calls for each locale of a manifest: Alexa sends a locale's requests to the
 * endpoint of its region (stack-contract's {@link AlexaLocales}), or to the default endpoint when
 * the manifest has none for that region.
 */
final class LocaleRouting {

    /**
     * What the deploy says about homes when a deployment has stacks in several regions (docs/decisions.md,
     * "Issue 14 — locales": each region is independent).
     */
    static final String HOMES = """
            Each region's stack keeps its own homes: a connector registers with the relay API of the region
            its users' Alexa requests reach (their Amazon account's country: the Americas NA, Europe and India
            EU, Japan and Australia FE); a home paired in one region is unknown in the others.""";

    private LocaleRouting() {}

    /**
     * The manifest's locales (store listing and, for the music skill, {@code apis.music.locales}) by region.
     *
     * @throws IllegalStateException for a locale the table does not route: Alexa would call an endpoint we never chose
     */
    static Map<AlexaRegion, List<String>> byRegion(JsonNode manifestRoot) {
        JsonNode manifest = manifestRoot.path("manifest");
        TreeSet<String> locales = new TreeSet<>();
        manifest.path("publishingInformation").path("locales").fieldNames().forEachRemaining(locales::add);
        manifest.at("/apis/music/locales").fieldNames().forEachRemaining(locales::add);
        Map<AlexaRegion, List<String>> regions = new EnumMap<>(AlexaRegion.class);
        for (String locale : AlexaLocales.all()) {
            if (locales.remove(locale)) {
                regions.computeIfAbsent(AlexaLocales.regionOf(locale).orElseThrow(), r -> new ArrayList<>())
                        .add(locale);
            }
        }
        if (!locales.isEmpty()) {
            throw new IllegalStateException("the manifest lists " + String.join(", ", locales)
                    + ", which stack-contract's AlexaLocales routes to no Alexa region");
        }
        return regions;
    }

    /**
     * One line per region the manifest has locales in, e.g. {@code FE (us-west-2): ja-JP, en-AU → arn:…},
     * saying when a region has no stack of its own yet.
     */
    static List<String> describe(JsonNode manifestRoot, Manifests.Endpoints endpoints) {
        List<String> lines = new ArrayList<>();
        byRegion(manifestRoot).forEach((region, locales) -> {
            String arn = endpoints.regional().get(region);
            String head = region.name() + " (" + region.awsRegion() + "): " + String.join(", ", locales) + " → ";
            lines.add(
                    arn != null
                            ? head + arn
                            : head + "the default endpoint " + endpoints.defaultArn() + " (no stack in "
                                    + region.awsRegion() + " yet: a Lambda in another region, where smart-home"
                                    + " discovery fails; scripts/deploy --region " + region.awsRegion() + ")");
        });
        return lines;
    }
}
