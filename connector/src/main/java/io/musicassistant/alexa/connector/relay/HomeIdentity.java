package io.musicassistant.alexa.connector.relay;

import io.musicassistant.alexa.connector.platform.ConnectorState;
import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.relay.protocol.api.HomeRegistration;
import io.musicassistant.alexa.relay.protocol.api.UnknownHome;
import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The home's identity with the relay, kept across runs and given up only on proof. A relay that
 * refuses the secret (401) or says it has no such home without the proof this home was given at
 * registration (a different deployment: a wrong or briefly misrouted RELAY_API_URL) leaves the
 * identity alone, and the connector keeps asking with backoff; only a {@code 410 unknown_home} whose
 * proof matches makes it register again, which means pairing again (docs/relay-protocol.md).
 */
public final class HomeIdentity {

    private static final JsonLog LOG = JsonLog.get(HomeIdentity.class);
    static final Duration FIRST_WAIT = Duration.ofSeconds(15);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(10);

    /** How the connector waits between refusals; tests count the waits instead. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** The identity in use and the relay credentials it was given. */
    public record Established(HomeRegistration home, RelayQueueCredentials credentials) {}

    private HomeIdentity() {}

    /**
     * The saved identity (or a new registration on first run) with its credentials.
     *
     * @param credentials fetches credentials for a home, already retrying while the relay is unreachable
     *     or overloaded; throws {@link RelayApiException} on a refusal
     */
    public static Established establish(
            ConnectorState state,
            Supplier<HomeRegistration> register,
            Function<HomeRegistration, RelayQueueCredentials> credentials,
            URI relayUrl,
            Consumer<String> announce,
            Sleeper sleeper) {
        HomeRegistration home = state.home().orElseGet(register);
        int refusals = 0;
        while (true) {
            try {
                RelayQueueCredentials fetched = credentials.apply(home);
                String check = fetched.access().unknownHomeCheck();
                if (home.unknownHomeCheck() == null && check != null) {
                    // Registered before the relay gave checks: keep this one, so that a deletion can be proven later.
                    home = home.withUnknownHomeCheck(check);
                    state.saveHome(home);
                }
                return new Established(home, fetched);
            } catch (RelayApiException e) {
                if (provesUnknown(e, home)) {
                    LOG.warn(
                            "home.unknown_to_cloud",
                            "instance_id",
                            home.instanceId(),
                            "relay_api_url",
                            relayUrl.toString());
                    announce.accept("The relay at " + relayUrl + " proved that it no longer knows this home ("
                            + home.instanceId() + "); registering again. Pair the new home with your Amazon account.");
                    state.retireHome();
                    home = register.get();
                    continue;
                }
                if (e.status() / 100 != 4) {
                    throw e;
                }
                refusals++;
                Duration wait = backoff(refusals);
                LOG.warn(
                        "relay.home_refused",
                        "instance_id",
                        home.instanceId(),
                        "status",
                        e.status(),
                        "error",
                        e.error(),
                        "relay_api_url",
                        relayUrl.toString(),
                        "proven_unknown",
                        false,
                        "refusals",
                        refusals,
                        "retry_in_s",
                        wait.toSeconds());
                announce.accept("The relay at " + relayUrl + " refused this home (" + e.status() + " " + e.error()
                        + "). Keeping its identity and pairing: if RELAY_API_URL points at the wrong relay, correct it;"
                        + " to move this home to that relay on purpose, remove "
                        + state.dir().resolve("home.json")
                        + " and restart. Retrying in " + wait.toSeconds() + " s.");
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Only a 410 unknown_home whose proof hashes to the check this home was given; anything else proves nothing. */
    static boolean provesUnknown(RelayApiException e, HomeRegistration home) {
        return e.status() == UnknownHome.STATUS
                && UnknownHome.ERROR.equals(e.error())
                && UnknownHome.proves(e.proof(), home.unknownHomeCheck());
    }

    static Duration backoff(int refusals) {
        long seconds = FIRST_WAIT.toSeconds() << Math.min(refusals - 1, 10);
        return Duration.ofSeconds(Math.min(seconds, LONGEST_WAIT.toSeconds()));
    }
}
