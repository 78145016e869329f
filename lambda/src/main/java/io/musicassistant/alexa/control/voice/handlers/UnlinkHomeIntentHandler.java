package io.musicassistant.alexa.control.voice.handlers;

import com.amazon.ask.model.Intent;
import io.musicassistant.alexa.accounts.HomeAccounts;
import io.musicassistant.alexa.control.voice.Messages;
import io.musicassistant.alexa.control.voice.Speech;
import io.musicassistant.alexa.control.voice.Turn;
import io.musicassistant.alexa.relay.Home;
import io.musicassistant.alexa.relay.HomeLocator;
import java.util.Map;

/**
 * UnlinkHomeIntent: "unlink my home". Any linked account may leave its home, after a yes; its link
 * and its event-gateway grant go (the skill stays enabled; pairing again needs a new code).
 */
public final class UnlinkHomeIntentHandler extends AccountsHandler implements Confirmable {

    private static final String INTENT = "UnlinkHomeIntent";

    public UnlinkHomeIntentHandler(HomeAccounts accounts, HomeLocator homes) {
        super(INTENT, accounts, homes);
    }

    @Override
    public String intent() {
        return INTENT;
    }

    @Override
    public Speech answer(Turn turn, Intent intent) {
        Messages m = turn.messages();
        Home home = home(turn);
        return Confirmable.ask(
                m.say("unlink.confirm", "home", homeName(m, home)), m.say("confirm.reprompt"), intent(), Map.of());
    }

    @Override
    public Speech confirmed(Turn turn, Map<String, String> slots) {
        Messages m = turn.messages();
        String userId = turn.userId();
        Home home = home(turn);
        accounts.unlink(userId);
        homes.forget(userId);
        return Speech.tell(m.say("unlink.done", "home", homeName(m, home)));
    }
}
