package io.musicassistant.alexa.control.voice.handlers;

import com.amazon.ask.model.Intent;
import io.musicassistant.alexa.control.smarthome.Endpoints;
import io.musicassistant.alexa.control.voice.Messages;
import io.musicassistant.alexa.control.voice.Speech;
import io.musicassistant.alexa.control.voice.Turn;
import io.musicassistant.alexa.control.voice.VoiceIntentHandler;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import java.util.List;

/**
 * EchoSetupIntent (issue 16): "how do I set up an Echo" — the one routine per Echo player that lets
 * Music Assistant start playback on it, with the exact words to choose and type: the trigger device
 * ("Kitchen Echo play request"), "Opens", and the custom action in the user's language ("play
 * Kitchen Echo on Music Assistant"). Spoken for the home's first Echo player; the others are named.
 */
public final class EchoSetupIntentHandler extends VoiceIntentHandler {

    public EchoSetupIntentHandler() {
        super("EchoSetupIntent");
    }

    @Override
    public Speech answer(Turn turn, Intent intent) {
        Messages m = turn.messages();
        List<PlayerInfo> echos = turn.echoPlayers();
        if (echos.isEmpty()) {
            return Speech.tell(m.say("echo.setup.none"));
        }
        PlayerInfo first = echos.getFirst();
        String name = Endpoints.echoName(first);
        String text = m.say(
                "echo.setup.steps",
                "name",
                name,
                "trigger",
                Endpoints.triggerName(first),
                "phrase",
                m.say("echo.setup.phrase", "name", name));
        if (echos.size() > 1) {
            text += " "
                    + m.say(
                            "echo.setup.others",
                            "names",
                            m.and(echos.subList(1, echos.size()).stream()
                                    .map(Endpoints::echoName)
                                    .toList()));
        }
        return Speech.tell(text);
    }
}
