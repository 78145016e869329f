package io.musicassistant.alexa.control.voice;

import io.musicassistant.alexa.identity.AuthorizationException;
import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.platform.RateLimiter;
import io.musicassistant.alexa.relay.NotPairedException;
import io.musicassistant.alexa.relay.RelayException;
import io.musicassistant.alexa.relay.protocol.RelayError;

/**
 * What the user hears when something stands in the way: no linked account, no paired home, an
 * offline home, a Music Assistant that cannot be reached, a player that is gone or cannot do it.
 * Each is one short sentence that says what to check; nothing here is an exception to Alexa.
 */
public final class Failures {

    private static final JsonLog LOG = JsonLog.get(Failures.class);

    private Failures() {}

    public static Speech speech(Messages m, Throwable failure) {
        Throwable t = unwrap(failure);
        return switch (t) {
            case VoiceAnswer answer -> answer.speech();
            case AuthorizationException e -> {
                LOG.info("voice.unauthorized", "reason", e.reason().name());
                yield e.reason() == AuthorizationException.Reason.UNAVAILABLE
                        ? Speech.tell(m.say("login.unavailable"))
                        : Speech.linkAccount(m.say("link.account"));
            }
            // Pairing is possible right here, so the session stays open for "link my home with code …".
            case NotPairedException e -> Speech.ask(m.say("not.paired"), m.say("not.paired.reprompt"));
            case RateLimiter.RateLimited e -> Speech.tell(m.say("link.rate.limited"));
            case RelayException e -> {
                LOG.info("voice.relay_failed", "failure", e.failure().name(), "remote_code", e.remoteCode());
                yield Speech.tell(m.say(relayKey(e)));
            }
            default -> {
                LOG.error("voice.failed", t);
                yield Speech.tell(m.say("error"));
            }
        };
    }

    /** The message of a relay failure that no handler explained better (with a room's name, say). */
    static String relayKey(RelayException e) {
        return switch (e.failure()) {
            case HOME_OFFLINE -> "offline";
            case MUSIC_ASSISTANT_DOWN -> "ma.down";
            case TIMEOUT -> "timeout";
            case SEND_FAILED -> "send.failed";
            case BAD_REPLY -> "home.error";
            case REMOTE_ERROR ->
                switch (e.remoteCode() == null ? "" : e.remoteCode()) {
                    case RelayError.NOT_FOUND -> "not.found";
                    case RelayError.NO_SUCH_PLAYER -> "player.gone.any";
                    case RelayError.MA_ERROR -> "ma.refused";
                    case RelayError.PLAYER_UNAVAILABLE -> "player.unavailable.any";
                    case RelayError.UNSUPPORTED -> "player.unsupported.any";
                    case RelayError.MA_UNAVAILABLE -> "ma.down";
                    default -> "home.error";
                };
        };
    }

    /** Whether {@code e} is the home saying {@code code}. */
    public static boolean remote(RelayException e, String code) {
        return e.failure() == RelayException.Failure.REMOTE_ERROR && code.equals(e.remoteCode());
    }

    /** The SDK wraps what a handler throws in its own exceptions; the cause is what happened. */
    private static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        for (int i = 0;
                i < 5 && cur instanceof com.amazon.ask.exception.AskSdkException && cur.getCause() != null;
                i++) {
            cur = cur.getCause();
        }
        return cur;
    }
}
