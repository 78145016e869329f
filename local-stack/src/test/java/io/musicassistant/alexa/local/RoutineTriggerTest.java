package io.musicassistant.alexa.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** What starts a routine: a ChangeReport whose change (not its context) opens the contact sensor. */
class RoutineTriggerTest {

    static JsonNode report(String changed, String context) throws Exception {
        String property = "{\"namespace\":\"Alexa.ContactSensor\",\"name\":\"detectionState\",\"value\":\"%s\"}";
        return new ObjectMapper()
                .readTree("{\"context\":{\"properties\":[" + (context == null ? "" : property.formatted(context))
                        + "]},\"event\":{\"header\":{\"name\":\"ChangeReport\"},\"payload\":{\"change\":"
                        + "{\"cause\":{\"type\":\"PHYSICAL_INTERACTION\"},\"properties\":["
                        + (changed == null
                                ? "{\"namespace\":\"Alexa.EndpointHealth\",\"name\":\"connectivity\",\"value\":{\"value\":\"OK\"}}"
                                : property.formatted(changed))
                        + "]}}}}");
    }

    @Test
    void detectedInTheChangeOpensTheTrigger() throws Exception {
        assertTrue(RoutineSimulator.opened(report("DETECTED", null)));
        assertFalse(RoutineSimulator.closed(report("DETECTED", null)));
    }

    @Test
    void notDetectedClosesItAndStartsNothing() throws Exception {
        assertFalse(RoutineSimulator.opened(report("NOT_DETECTED", null)));
        assertTrue(RoutineSimulator.closed(report("NOT_DETECTED", null)));
    }

    @Test
    void anOpenSensorInTheContextOfAnotherChangeIsNoNewTrigger() throws Exception {
        assertFalse(RoutineSimulator.opened(report(null, "DETECTED")));
    }

    @Test
    void spokenNamesAreComparedWithoutCaseAccentsOrPunctuation() {
        assertEquals("kitchen echo", CatalogNames.fold("Kitchen  Echo!"));
        assertEquals("cafe echo", CatalogNames.fold("Café-Echo"));
    }
}
