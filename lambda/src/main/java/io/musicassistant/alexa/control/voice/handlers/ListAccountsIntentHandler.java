package io.musicassistant.alexa.control.voice.handlers;

import com.amazon.ask.model.Intent;
import io.musicassistant.alexa.accounts.HomeAccounts;
import io.musicassistant.alexa.control.voice.Messages;
import io.musicassistant.alexa.control.voice.Speech;
import io.musicassistant.alexa.control.voice.Turn;
import io.musicassistant.alexa.relay.HomeLocator;
import java.util.ArrayList;
import java.util.List;

/**
 * ListAccountsIntent: "which accounts are linked to my home". Any linked account may ask; each is
 * named by its number, whether it is the asker's and the owner's, and the date it was linked
 * (never a name or e-mail: the cloud knows neither). The owner, with others linked, is asked which
 * one to remove; everyone else is told how to unlink themselves.
 */
public final class ListAccountsIntentHandler extends AccountsHandler {

    public ListAccountsIntentHandler(HomeAccounts accounts, HomeLocator homes) {
        super("ListAccountsIntent", accounts, homes);
    }

    @Override
    public Speech answer(Turn turn, Intent intent) {
        View v = view(turn);
        Messages m = v.m();
        List<HomeAccounts.Account> all = v.all();
        int me = v.me();
        if (all.size() <= 1) {
            return Speech.tell(m.say(
                    "accounts.only.you",
                    "home",
                    v.homeName(),
                    "date",
                    all.isEmpty() ? "" : m.date(all.getFirst().linkedAt())));
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            HomeAccounts.Account a = all.get(i);
            String key = i + 1 == me
                    ? (a.owner() ? "accounts.item.you.owner" : "accounts.item.you")
                    : a.owner() ? "accounts.item.owner" : "accounts.item";
            items.add(m.say(key, "number", i + 1, "date", m.date(a.linkedAt())));
        }
        String listed =
                m.say("accounts.list", "count", all.size(), "home", v.homeName(), "accounts", String.join("; ", items));
        if (me == 1) {
            return Speech.ask(listed + " " + m.say("accounts.owner.hint"), m.say("accounts.owner.hint"));
        }
        return Speech.tell(listed + " " + m.say("accounts.member.hint"));
    }
}
