package io.musicassistant.alexa.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.relay.Home;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When the connector runs but Music Assistant is gone, Alexa hears it at once, not after a timeout. */
class MusicAssistantDownTest {

    @Test
    void musicAssistantGoingAwayIsReportedByTheNextHeartbeat() throws Exception {
        try (LocalStack stack = LocalStack.start(LocalStack.Ports.ephemeral(), message -> {})) {
            stack.ma().close();
            Home.Availability availability = Home.Availability.ONLINE;
            long until = System.currentTimeMillis() + 5000;
            while (availability == Home.Availability.ONLINE && System.currentTimeMillis() < until) {
                Thread.sleep(50);
                availability = stack.cloud()
                        .homes()
                        .homeOf(LocalStack.DEMO_USER_ID)
                        .availability(Instant.now(), stack.cloud().config().heartbeatStaleAfter());
            }
            assertEquals(
                    Home.Availability.MUSIC_ASSISTANT_DOWN,
                    availability,
                    "the connector heartbeats as soon as Music Assistant drops");
            JsonNode answer = new SkillClient(stack.alexaUrl())
                    .send(AlexaRequests.getPlayableContent(LocalStack.DEMO_TOKEN, "ARTIST", "Radiohead"));
            assertEquals("INTERNAL_ERROR", answer.path("payload").path("type").asText());
            // Refused before sending: a sent command would end as a TIMEOUT or a remote ma_unavailable error.
            assertTrue(
                    answer.path("payload").path("message").asText().contains("MUSIC_ASSISTANT_DOWN"),
                    answer.toString());
        }
    }
}
