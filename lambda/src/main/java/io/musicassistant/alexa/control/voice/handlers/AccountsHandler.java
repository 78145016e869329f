package io.musicassistant.alexa.control.voice.handlers;

import io.musicassistant.alexa.accounts.HomeAccounts;
import io.musicassistant.alexa.control.voice.Messages;
import io.musicassistant.alexa.control.voice.Turn;
import io.musicassistant.alexa.control.voice.VoiceIntentHandler;
import io.musicassistant.alexa.relay.Home;
import io.musicassistant.alexa.relay.HomeLocator;
import java.util.List;

/**
 * What the account intents share: the asker's home (online or not: accounts are managed in the
 * cloud) and its accounts, numbered from one in the order {@link HomeAccounts#list} gives (the
 * owner first), which is how they are named by voice.
 */
abstract class AccountsHandler extends VoiceIntentHandler {

    protected final HomeAccounts accounts;
    protected final HomeLocator homes;

    AccountsHandler(String intent, HomeAccounts accounts, HomeLocator homes, String... slots) {
        super(intent, slots);
        this.accounts = accounts;
        this.homes = homes;
    }

    /** The asker's home; NotPairedException when there is none. */
    protected Home home(Turn turn) {
        return homes.homeOf(turn.userId());
    }

    /** What an answer about the asker's home needs: its language, the asker, the home and its accounts. */
    protected record View(Messages m, String userId, Home home, List<HomeAccounts.Account> all) {

        /** The asker's number in the list, or 0. */
        int me() {
            return position(all, userId);
        }

        String homeName() {
            return AccountsHandler.homeName(m, home);
        }
    }

    protected View view(Turn turn) {
        Home home = home(turn);
        return new View(turn.messages(), turn.userId(), home, accounts.list(home.instanceId()));
    }

    protected static String homeName(Messages m, Home home) {
        return home.homeName() == null || home.homeName().isBlank()
                ? m.say("accounts.home.unnamed")
                : Messages.cut(home.homeName());
    }

    /** Position (1-based) of the asker in the list, or 0. */
    protected static int position(List<HomeAccounts.Account> all, String userId) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).userId().equals(userId)) {
                return i + 1;
            }
        }
        return 0;
    }
}
