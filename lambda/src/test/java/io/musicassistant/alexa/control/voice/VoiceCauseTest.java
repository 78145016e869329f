package io.musicassistant.alexa.control.voice;

import static io.musicassistant.alexa.control.voice.VoiceRequests.intent;
import static io.musicassistant.alexa.testing.ScriptedPlayers.BEDROOM;
import static io.musicassistant.alexa.testing.ScriptedPlayers.KITCHEN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.musicassistant.alexa.dev.DevServices;
import io.musicassistant.alexa.dev.EventGatewayStandIn;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import io.musicassistant.alexa.relay.protocol.api.HomeEvents;
import io.musicassistant.alexa.relay.protocol.api.HomeEvents.PlayerEvent;
import io.musicassistant.alexa.relayapi.ApiResponse;
import io.musicassistant.alexa.testing.CloudFixture;
import io.musicassistant.alexa.testing.ScriptedHome;
import io.musicassistant.alexa.testing.ScriptedPlayers;
import io.musicassistant.alexa.testing.SmartHomeDirectives;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A change made through the voice model reaches Alexa as VOICE_INTERACTION; one made in an app, as APP_INTERACTION. */
class VoiceCauseTest {

    static final DevServices SERVICES = DevServices.shared();

    @Test
    void changesByVoiceAreReportedAsVoiceInteraction() {
        Map<String, String> env = new HashMap<>(SmartHomeDirectives.reporting(SERVICES));
        env.put("CONTROL_SKILL_ID", VoiceRequests.SKILL_ID);
        CloudFixture cloud = CloudFixture.create(env);
        CloudFixture.User user = cloud.newUser();
        CloudFixture.Home home = cloud.pairedHome(user);
        ScriptedPlayers players = new ScriptedPlayers();
        try (ScriptedHome ignored = new ScriptedHome(cloud, home, players::answer)) {
            SmartHomeDirectives.grantAndDiscover(cloud, user);

            assertEquals(
                    "Paused the Kitchen.",
                    VoiceRequests.send(
                                    cloud, intent("PauseIntent", user.token()).slot("room", "kitchen"))
                            .valid()
                            .speech());
            // Music Assistant then tells the connector, which posts the news; and someone turns the bedroom up in an
            // app.
            PlayerInfo bedroom = players.update(
                    BEDROOM,
                    p -> new PlayerInfo(
                            p.playerId(),
                            p.name(),
                            p.type(),
                            p.available(),
                            p.powered(),
                            55,
                            p.muted(),
                            p.playbackState(),
                            p.features(),
                            p.groupMembers(),
                            p.nowPlaying()));
            ApiResponse r = cloud.relay(
                    "POST",
                    "/v1/homes/" + home.instanceId() + "/events",
                    home.secret(),
                    new HomeEvents(List.of(
                            new PlayerEvent(PlayerEvent.CHANGED, KITCHEN, players.get(KITCHEN)),
                            new PlayerEvent(PlayerEvent.CHANGED, BEDROOM, bedroom))));
            assertEquals(200, r.status(), r.body());

            Map<String, String> causes = new HashMap<>();
            for (EventGatewayStandIn.Received got : SERVICES.gateway().received()) {
                if (got.userId().equals(user.userId()) && got.name().equals("ChangeReport")) {
                    causes.put(
                            got.endpointId(),
                            got.event()
                                    .path("event")
                                    .path("payload")
                                    .path("change")
                                    .path("cause")
                                    .path("type")
                                    .asText());
                }
            }
            assertEquals(Map.of(KITCHEN, "VOICE_INTERACTION", BEDROOM, "APP_INTERACTION"), causes);
        }
    }
}
