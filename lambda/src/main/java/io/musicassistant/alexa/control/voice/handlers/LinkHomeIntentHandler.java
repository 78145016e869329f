package io.musicassistant.alexa.control.voice.handlers;

import com.amazon.ask.model.Intent;
import io.musicassistant.alexa.accounts.Pairing;
import io.musicassistant.alexa.control.voice.Messages;
import io.musicassistant.alexa.control.voice.Slots;
import io.musicassistant.alexa.control.voice.Speech;
import io.musicassistant.alexa.control.voice.Turn;
import io.musicassistant.alexa.control.voice.VoiceIntentHandler;
import io.musicassistant.alexa.platform.RateLimiter;
import io.musicassistant.alexa.relay.HomeLocator;
import io.musicassistant.alexa.relay.protocol.api.PairingClaimed;
import io.musicassistant.alexa.relayapi.RelayApi;
import java.util.Optional;

/**
 * LinkHomeIntent: "link my home with code {code}" claims the pairing code the connector shows, as
 * {@code POST /v1/pairings} does, under the same per-account limit. {code} is an AMAZON.NUMBER,
 * which drops leading zeros ("0 1 2 3 4 5 6 7" arrives as 1234567), so a shorter number is padded
 * back to the code's eight digits.
 */
public final class LinkHomeIntentHandler extends VoiceIntentHandler {

    public static final String CODE = "code";

    private final Pairing pairing;
    private final RateLimiter limiter;
    private final HomeLocator homes;

    public LinkHomeIntentHandler(Pairing pairing, RateLimiter limiter, HomeLocator homes) {
        super("LinkHomeIntent", CODE);
        this.pairing = pairing;
        this.limiter = limiter;
        this.homes = homes;
    }

    @Override
    public Speech answer(Turn turn, Intent intent) {
        Messages m = turn.messages();
        String userId = turn.userId();
        Optional<String> spoken = Slots.value(intent, CODE).filter(v -> !"?".equals(v));
        if (spoken.isEmpty()) {
            return Speech.ask(m.say("link.ask"), m.say("link.ask"));
        }
        limiter.hit(RelayApi.CLAIMS_PER_USER, userId);
        Optional<PairingClaimed> claimed = code(spoken.get()).flatMap(code -> pairing.claim(userId, code));
        if (claimed.isEmpty()) {
            return Speech.tell(m.say("link.wrong"));
        }
        homes.forget(userId); // the next request, in this container at least, goes to the new home

        String home = claimed.get().homeName();
        return Speech.tell(
                home == null || home.isBlank()
                        ? m.say("link.done.unnamed")
                        : m.say("link.done", "home", Messages.cut(home)));
    }

    /** The eight-digit code in what Alexa heard, its leading zeros restored. */
    public static Optional<String> code(String spoken) {
        if (spoken.startsWith("-")) {
            return Optional.empty();
        }
        String digits = spoken.replaceAll("[\\s\\-.]", "");
        if (digits.matches("\\d{1," + (Pairing.CODE_DIGITS - 1) + "}")) {
            digits = "0".repeat(Pairing.CODE_DIGITS - digits.length()) + digits;
        }
        return Pairing.normalise(digits);
    }
}
