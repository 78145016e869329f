package io.musicassistant.alexa.relayapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.platform.Hashes;
import io.musicassistant.alexa.platform.Tables;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.api.HeartbeatRequest;
import io.musicassistant.alexa.relay.protocol.api.HomeRegistration;
import io.musicassistant.alexa.relay.protocol.api.RelayAccess;
import io.musicassistant.alexa.relay.protocol.api.UnknownHome;
import io.musicassistant.alexa.testing.CloudFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The relay API's limits count failures after authentication, per address and per home id apart,
 * so that wrong secrets behind a shared address never throttle a home that has the right one;
 * registration is limited per address and network; unknown homes get a proof only this deployment
 * can make; addresses reach logs and limit rows only in keyed form. Against Moto and ElasticMQ.
 */
class RelayApiLimitsTest {

    /** A carrier NAT: many households, one public address. */
    static final String SHARED = "100.64.0.1";

    static final HeartbeatRequest BEAT = new HeartbeatRequest("online", "1.0", null, null);

    @Test
    void wrongSecretsFromASharedAddressNeverThrottleAHomeWithTheRightSecret() {
        CloudFixture cloud = CloudFixture.create();
        CloudFixture.Home neighbour = cloud.registerHome();
        CloudFixture.Home victim = cloud.registerHome();
        int limited = 0;
        for (int i = 0; i < RelayApi.AUTH_FAILURES_PER_ADDRESS.limit() + 5; i++) {
            ApiResponse r = cloud.relayFrom(
                    SHARED, "POST", "/v1/homes/" + neighbour.instanceId() + "/heartbeat", "mhs_wrong-" + i, BEAT);
            limited += r.status() == 429 ? 1 : 0;
        }
        assertEquals(5, limited, "failures past the per-address limit are refused");
        for (int i = 0; i < 3; i++) {
            ApiResponse ok = cloud.relayFrom(
                    SHARED, "POST", "/v1/homes/" + victim.instanceId() + "/heartbeat", victim.secret(), BEAT);
            assertEquals(200, ok.status(), "a home with the right secret behind the same address: " + ok.body());
        }
        assertEquals(
                200,
                cloud.relayFrom(
                                SHARED,
                                "POST",
                                "/v1/homes/" + neighbour.instanceId() + "/credentials",
                                neighbour.secret(),
                                null)
                        .status(),
                "nor the home whose id the wrong secrets named");
    }

    @Test
    void failuresCountPerHomeIdAcrossAddressesAndPerAddressApart() {
        CloudFixture cloud = CloudFixture.create();
        CloudFixture.Home home = cloud.registerHome();
        String path = "/v1/homes/" + home.instanceId() + "/heartbeat";
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < RelayApi.AUTH_FAILURES_PER_HOME.limit() + 3; i++) {
            statuses.add(cloud.relayFrom("192.0.2." + (i + 1), "POST", path, "mhs_guess-" + i, BEAT)
                    .status());
        }
        assertEquals(
                RelayApi.AUTH_FAILURES_PER_HOME.limit(),
                statuses.stream().filter(s -> s == 401).count());
        assertEquals(
                3, statuses.stream().filter(s -> s == 429).count(), "guesses at one id are limited over all addresses");
        ApiResponse limited = cloud.relayFrom("192.0.2.200", "POST", path, "mhs_guess", BEAT);
        assertEquals(429, limited.status());
        assertNotNull(limited.headers().get("retry-after"));
        assertEquals(
                200,
                cloud.relayFrom("192.0.2.200", "POST", path, home.secret(), BEAT)
                        .status(),
                "the right secret still opens the home whose id is being guessed at");
        assertEquals(
                401,
                cloud.relayFrom(
                                "192.0.2.201",
                                "POST",
                                "/v1/homes/" + cloud.registerHome().instanceId() + "/heartbeat",
                                "mhs_wrong",
                                BEAT)
                        .status(),
                "another id from a fresh address is judged on its own");
    }

    @Test
    void registrationIsLimitedPerNetworkNotPerDeployment() {
        CloudFixture cloud = CloudFixture.create();
        int created = 0;
        int limited = 0;
        for (int host = 1; host <= 7; host++) {
            for (int i = 0; i < RelayApi.REGISTER_PER_ADDRESS.limit(); i++) {
                int status = cloud.relayFrom(
                                "198.18.7." + host, "POST", "/v1/homes", null, Map.of("connector_version", "1"))
                        .status();
                created += status == 201 ? 1 : 0;
                limited += status == 429 ? 1 : 0;
            }
        }
        assertEquals(RelayApi.REGISTER_PER_NETWORK.limit(), created, "one /24 registers at most this many an hour");
        assertEquals(70 - RelayApi.REGISTER_PER_NETWORK.limit(), limited);
        assertEquals(
                201,
                cloud.relayFrom("198.18.8.1", "POST", "/v1/homes", null, Map.of("connector_version", "1"))
                        .status(),
                "the next network is not affected");
        assertEquals(
                201,
                cloud.relayFrom("2001:db8:7:1::5", "POST", "/v1/homes", null, Map.of("connector_version", "1"))
                        .status());
        for (int i = 0; i < RelayApi.REGISTER_PER_NETWORK.limit() - 1; i++) {
            cloud.relayFrom(
                    "2001:db8:7:" + Integer.toHexString(i + 2) + "::1",
                    "POST",
                    "/v1/homes",
                    null,
                    Map.of("connector_version", "1"));
        }
        assertEquals(
                429,
                cloud.relayFrom("2001:db8:7:ffff::9", "POST", "/v1/homes", null, Map.of("connector_version", "1"))
                        .status(),
                "a /48 is one network however its addresses differ");
    }

    @Test
    void bogusLoginsFromAnAddressNeverKeepAValidUserThereFromPairing() {
        CloudFixture cloud = CloudFixture.create();
        CloudFixture.Home home = cloud.registerHome();
        int limited = 0;
        for (int i = 0; i < RelayApi.LOGIN_FAILURES_PER_ADDRESS.limit() + 2; i++) {
            limited += cloud.relayFrom(SHARED, "POST", "/v1/pairings", "Atza|bogus-" + i, Map.of("code", "12345678"))
                                    .status()
                            == 429
                    ? 1
                    : 0;
        }
        assertEquals(2, limited, "bogus logins from one address are limited");
        String code = RelayJson.read(
                        cloud.relay("POST", "/v1/homes/" + home.instanceId() + "/pairing-code", home.secret(), null)
                                .body(),
                        io.musicassistant.alexa.relay.protocol.api.PairingCode.class)
                .code();
        ApiResponse claimed =
                cloud.relayFrom(SHARED, "POST", "/v1/pairings", cloud.newUser().token(), Map.of("code", code));
        assertEquals(200, claimed.status(), "a valid login behind the same address pairs: " + claimed.body());
    }

    @Test
    void anUnknownHomeGetsAProofOnlyThisDeploymentCanMake() {
        CloudFixture cloud = CloudFixture.create(Map.of("DEPLOYMENT_KEY", "first-deployment-key-0123456789"));
        ApiResponse registered =
                cloud.relayFrom("198.18.9.1", "POST", "/v1/homes", null, Map.of("connector_version", "1"));
        HomeRegistration home = RelayJson.read(registered.body(), HomeRegistration.class);
        assertNotNull(home.unknownHomeCheck());
        ApiResponse credentials =
                cloud.relay("POST", "/v1/homes/" + home.instanceId() + "/credentials", home.instanceSecret(), null);
        assertEquals(
                home.unknownHomeCheck(),
                RelayJson.read(credentials.body(), RelayAccess.class).unknownHomeCheck(),
                "homes registered before the check existed learn it with their credentials");

        assertEquals(
                401,
                cloud.relay("POST", "/v1/homes/" + home.instanceId() + "/credentials", "mhs_wrong", null)
                        .status(),
                "a known home with a wrong secret is a 401, never unknown");
        assertEquals(
                401,
                cloud.relay("POST", "/v1/homes/not-an-id/credentials", "mhs_wrong", null)
                        .status());

        cloud.wiring
                .aws()
                .dynamoDb()
                .deleteItem(b -> b.tableName(cloud.wiring.tables().name(Tables.HOMES))
                        .key(Map.of(
                                "instance_id",
                                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                                        home.instanceId()))));
        ApiResponse gone =
                cloud.relay("POST", "/v1/homes/" + home.instanceId() + "/credentials", home.instanceSecret(), null);
        assertEquals(410, gone.status(), gone.body());
        UnknownHome answer = RelayJson.read(gone.body(), UnknownHome.class);
        assertEquals("unknown_home", answer.error());
        assertTrue(UnknownHome.proves(answer.proof(), home.unknownHomeCheck()));
        assertFalse(UnknownHome.proves(answer.proof(), Hashes.sha256Hex("something else")));

        CloudFixture other = CloudFixture.create(Map.of("DEPLOYMENT_KEY", "another-deployment-key-987654321"));
        ApiResponse foreign =
                other.relay("POST", "/v1/homes/" + home.instanceId() + "/credentials", home.instanceSecret(), null);
        assertEquals(410, foreign.status(), "the other deployment does not know the home either ...");
        assertFalse(
                UnknownHome.proves(
                        RelayJson.read(foreign.body(), UnknownHome.class).proof(), home.unknownHomeCheck()),
                "... but cannot prove it to this home's connector");
    }

    @Test
    void sourceAddressesAreKeptOnlyInKeyedForm() {
        CloudFixture cloud = CloudFixture.create(Map.of("DEPLOYMENT_KEY", "keyed-address-test-key-0123456789"));
        String ip = "192.0.2.77";
        List<String> lines = new ArrayList<>();
        Consumer<String> previous = JsonLog.setSink(lines::add);
        try {
            cloud.relayFrom(ip, "POST", "/v1/homes/home-00000000000000000000000000/heartbeat", "mhs_wrong", BEAT);
            cloud.relayFrom(ip, "POST", "/v1/homes", null, Map.of("connector_version", "1"));
        } finally {
            JsonLog.setSink(previous);
        }
        String unsalted = Hashes.sha256Hex(ip).substring(0, 12);
        String logged = String.join("\n", lines);
        assertTrue(logged.contains("relay_api.request"), logged);
        assertFalse(logged.contains(unsalted), "the unsalted SHA-256 of an IPv4 address is reversible");
        assertFalse(logged.contains(ip));
        assertTrue(
                logged.contains("\"source\":\"" + cloud.wiring.deploymentKey().logTag(ip) + "\""), logged);

        var rows = cloud.wiring
                .aws()
                .dynamoDb()
                .scan(b -> b.tableName(cloud.wiring.tables().name(Tables.RATE_LIMITS)))
                .items();
        String buckets = rows.toString();
        assertFalse(rows.isEmpty());
        assertFalse(
                buckets.contains(Hashes.sha256Hex("ip:" + ip).substring(0, 32)),
                "no unkeyed address hash in the limits table");
        assertTrue(
                buckets.contains(Hashes.sha256Hex(cloud.wiring.deploymentKey().address(ip))
                        .substring(0, 32)),
                buckets);
        assertNotEquals(
                cloud.wiring.deploymentKey().logTag(ip),
                CloudFixture.create(Map.of("DEPLOYMENT_KEY", "a-different-key-for-the-same-address"))
                        .wiring
                        .deploymentKey()
                        .logTag(ip),
                "another deployment's key gives another tag");
    }
}
