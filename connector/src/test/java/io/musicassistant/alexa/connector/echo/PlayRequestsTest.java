package io.musicassistant.alexa.connector.echo;

import static io.musicassistant.alexa.connector.SimulatorSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.musicassistant.alexa.connector.CloudStandIn;
import io.musicassistant.alexa.connector.SimulatorSupport;
import io.musicassistant.alexa.connector.relay.RelayApiClient;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import io.musicassistant.alexa.relay.protocol.api.HomeEvents.PlayerEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Triggers and removals over the relay API's events route of the cloud stand-in (real HTTP). */
class PlayRequestsTest {

    @Test
    void aRemovalOutlastsFailuresAndATriggerQueuedBehindItPastItsTimeIsDroppedNotSentLate() {
        try (CloudStandIn cloud = CloudStandIn.start()) {
            RelayApiClient api = new RelayApiClient(cloud.uri());
            PlayerInfo kitchen = new PlayerInfo(
                    "02:45:43:aa:00:01",
                    "Kitchen Echo",
                    PlayerInfo.TYPE_ECHO,
                    true,
                    true,
                    null,
                    null,
                    PlayerInfo.PLAYING,
                    List.of(),
                    List.of(),
                    null);
            try (PlayRequests requests = new PlayRequests(
                    events -> api.events(CloudStandIn.INSTANCE_ID, CloudStandIn.SECRET, events),
                    Duration.ofMillis(200),
                    Duration.ofMillis(300))) {
                // the cloud fails twice: the removal is retried (a second apart), past a trigger's give-up
                cloud.failEvents(2, 503);
                requests.removed("02:45:43:aa:00:02");
                requests.requested(kitchen);
                await(
                        "the removal to arrive",
                        Duration.ofSeconds(10),
                        () -> cloud.acceptedEvents("02:45:43:aa:00:02").stream()
                                .anyMatch(e -> e.type().equals(PlayerEvent.REMOVED)));
                SimulatorSupport.pause(500);
                // the trigger waited behind it longer than a trigger may: Alexa would start the Echo
                // long after the press (its reset, which closes a closed sensor, may still go)
                assertEquals(
                        List.of(),
                        cloud.acceptedEvents(kitchen.playerId()).stream()
                                .filter(e -> e.type().equals(PlayerEvent.PLAY_REQUESTED))
                                .toList());
                cloud.clear();
                requests.requested(kitchen);
                await(
                        "a timely trigger",
                        Duration.ofSeconds(10),
                        () -> cloud.acceptedEvents(kitchen.playerId()).stream()
                                .anyMatch(e -> e.type().equals(PlayerEvent.PLAY_REQUESTED)));
            }
        }
    }
}
