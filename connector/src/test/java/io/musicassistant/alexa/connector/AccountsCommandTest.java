package io.musicassistant.alexa.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.musicassistant.alexa.connector.catalog.RelayCloud;
import io.musicassistant.alexa.connector.relay.RelayApiClient;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.api.HomeRegistration;
import io.musicassistant.alexa.relayapi.ApiRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code accounts} and {@code accounts revoke <label>} against the real relay API (Moto, ElasticMQ, the LWA stand-in). */
class AccountsCommandTest {

    static RelayCloud cloud;
    static RelayApiClient api;

    @BeforeAll
    static void start() {
        cloud = new RelayCloud();
        api = new RelayApiClient(cloud.uri());
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    record Run(int code, String out, String err) {}

    static Run run(HomeRegistration home, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AccountsCommand.run(
                api,
                home,
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Pairs a new Amazon account with the home through the relay API, as the user's claim would. */
    static String pairNewUser(HomeRegistration home) {
        String userId = "amzn1.account.C"
                + UUID.randomUUID().toString().replace("-", "").toUpperCase();
        String token = cloud.services.lwa().issueToken(userId, "Someone", Duration.ofHours(1));
        String code = api.pairingCode(home.instanceId(), home.instanceSecret()).code();
        var answer = cloud.wiring
                .relayApi()
                .handle(new ApiRequest(
                        "POST",
                        "/v1/pairings",
                        Map.of("authorization", "Bearer " + token, "content-type", "application/json"),
                        RelayJson.write(Map.of("code", code)).getBytes(StandardCharsets.UTF_8),
                        "127.0.0.1"));
        assertEquals(200, answer.status(), answer.body());
        return userId;
    }

    @Test
    void listsTheLinkedAccountsByLabelAndRevokesOne() {
        HomeRegistration home = api.register("test-1", "Command Home");
        assertEquals(new Run(0, "No Amazon account is linked to this home.\n", ""), run(home, "accounts"));
        String owner = pairNewUser(home);
        String guest = pairNewUser(home);

        Run listed = run(home, "accounts");
        assertEquals(0, listed.code());
        assertFalse(listed.out().contains(owner) || listed.out().contains(guest), "never an account id");
        List<String> labels = Pattern.compile("  ([A-Z2-7]{4}-[A-Z2-7]{4})  linked \\d{4}-\\d{2}-\\d{2}")
                .matcher(listed.out())
                .results()
                .map(m -> m.group(1))
                .toList();
        assertEquals(2, labels.size(), listed.out());
        Matcher ownerLine =
                Pattern.compile("  " + labels.get(0) + "  linked \\S+  owner\n").matcher(listed.out());
        assertTrue(ownerLine.find(), "the first is the owner: " + listed.out());

        Run revoked = run(home, "accounts", "revoke", labels.get(1));
        assertEquals(new Run(0, "Revoked. 1 account still linked.\n", ""), revoked);
        assertEquals(
                List.of(owner),
                cloud.wiring.accounts().list(home.instanceId()).stream()
                        .map(a -> a.userId())
                        .toList());
        assertEquals(4, run(home, "accounts", "revoke", labels.get(1)).code(), "gone already");
        assertEquals(
                new Run(0, "Revoked. No account is linked now: the connector shows a pairing code again.\n", ""),
                run(home, "accounts", "revoke", labels.get(0)));
    }

    @Test
    void refusesBadUsageAndAWrongSecret() {
        HomeRegistration home = api.register("test-1", "Command Home");
        assertEquals(new Run(2, "", AccountsCommand.USAGE + "\n"), run(home, "accounts", "remove"));
        Run bad = run(home, "accounts", "revoke", "nonsense!");
        assertEquals(1, bad.code());
        Run foreign = run(new HomeRegistration(home.instanceId(), "mhs_wrong"), "accounts");
        assertEquals(1, foreign.code());
        assertTrue(foreign.err().startsWith("The relay refused"), foreign.err());
    }
}
