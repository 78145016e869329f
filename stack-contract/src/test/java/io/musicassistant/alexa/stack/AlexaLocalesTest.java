package io.musicassistant.alexa.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlexaLocalesTest {

    @Test
    void issue14sFifteenLocalesEachInOneRegionFarEastForJapanAndAustralia() {
        assertEquals(15, AlexaLocales.all().size());
        List<String> byRegion = new ArrayList<>();
        for (AlexaRegion region : AlexaRegion.values()) {
            byRegion.addAll(AlexaLocales.servedBy(region));
        }
        assertEquals(List.copyOf(AlexaLocales.all()), byRegion, "the regions partition the table, in its order");
        assertEquals(List.of("ja-JP", "en-AU"), AlexaLocales.servedBy(AlexaRegion.FE));
        assertEquals(Optional.of(AlexaRegion.EU), AlexaLocales.regionOf("hi-IN"), "India is served from Europe");
        assertEquals(Optional.of(AlexaRegion.NA), AlexaLocales.regionOf("pt-BR"));
        assertTrue(AlexaLocales.regionOf("nl-NL").isEmpty(), "a locale the skills do not serve has no region");
    }
}
