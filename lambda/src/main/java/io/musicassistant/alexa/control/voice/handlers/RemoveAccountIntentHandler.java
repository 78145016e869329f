package io.musicassistant.alexa.control.voice.handlers;

import com.amazon.ask.model.Intent;
import io.musicassistant.alexa.accounts.HomeAccounts;
import io.musicassistant.alexa.control.voice.Messages;
import io.musicassistant.alexa.control.voice.Slots;
import io.musicassistant.alexa.control.voice.Speech;
import io.musicassistant.alexa.control.voice.Turn;
import io.musicassistant.alexa.relay.HomeLocator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RemoveAccountIntent: "remove account {number}" (the number {@link ListAccountsIntentHandler} said). Only
 * the home's owner (the account linked longest) may remove another account, and only after a yes:
 * the question keeps the account's label, not its number, so that a list that changed in between
 * cannot turn the yes against another account; the owner check is made again on the yes.
 */
public final class RemoveAccountIntentHandler extends AccountsHandler implements Confirmable {

    private static final String INTENT = "RemoveAccountIntent";

    public static final String NUMBER = "number";
    static final String LABEL = "label";

    public RemoveAccountIntentHandler(HomeAccounts accounts, HomeLocator homes) {
        super(INTENT, accounts, homes, NUMBER);
    }

    @Override
    public String intent() {
        return INTENT;
    }

    @Override
    public Speech answer(Turn turn, Intent intent) {
        View v = view(turn);
        Messages m = v.m();
        List<HomeAccounts.Account> all = v.all();
        if (v.me() != 1) {
            return notOwner(v);
        }
        Optional<Integer> number = Slots.value(intent, NUMBER).flatMap(RemoveAccountIntentHandler::number);
        if (number.isEmpty()) {
            return Speech.ask(m.say("accounts.remove.which"), m.say("accounts.remove.which"));
        }
        int n = number.get();
        if (n == 1) {
            return Speech.tell(m.say("accounts.remove.self"));
        }
        if (n < 1 || n > all.size()) {
            return Speech.tell(m.say("accounts.remove.none", "number", n, "count", all.size()));
        }
        HomeAccounts.Account target = all.get(n - 1);
        String question =
                m.say("accounts.remove.confirm", "number", n, "date", m.date(target.linkedAt()), "home", v.homeName());
        return Confirmable.ask(question, m.say("confirm.reprompt"), intent(), Map.of(LABEL, target.label()));
    }

    @Override
    public Speech confirmed(Turn turn, Map<String, String> slots) {
        View v = view(turn);
        if (v.me() != 1) {
            return notOwner(v);
        }
        Optional<HomeAccounts.Account> target = v.all().stream()
                .filter(a -> a.label().equals(slots.get(LABEL)) && !a.userId().equals(v.userId()))
                .findFirst();
        if (target.isEmpty() || !accounts.revoke(v.home().instanceId(), target.get())) {
            return Speech.tell(v.m().say("accounts.remove.gone"));
        }
        homes.forget(target.get().userId());
        return Speech.tell(v.m().say("accounts.remove.done", "home", v.homeName()));
    }

    private static Speech notOwner(View v) {
        return Speech.tell(v.m().say("accounts.not.owner", "home", v.homeName()));
    }

    private static Optional<Integer> number(String spoken) {
        try {
            return Optional.of(Integer.parseInt(spoken.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
