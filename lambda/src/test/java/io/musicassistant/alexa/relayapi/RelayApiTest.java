package io.musicassistant.alexa.relayapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.musicassistant.alexa.RelayApiHandler;
import io.musicassistant.alexa.platform.Attrs;
import io.musicassistant.alexa.platform.Hashes;
import io.musicassistant.alexa.platform.Tables;
import io.musicassistant.alexa.relay.HomeDirectory;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.api.HeartbeatAck;
import io.musicassistant.alexa.relay.protocol.api.HeartbeatRequest;
import io.musicassistant.alexa.relay.protocol.api.PairingClaimed;
import io.musicassistant.alexa.relay.protocol.api.PairingCode;
import io.musicassistant.alexa.relay.protocol.api.RelayAccess;
import io.musicassistant.alexa.testing.CloudFixture;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The relay API against Moto's DynamoDB, ElasticMQ and the LWA stand-in: validation, auth, pairing, limits. */
class RelayApiTest {

    static CloudFixture cloud;

    @BeforeAll
    static void setUp() {
        cloud = CloudFixture.create();
    }

    @Test
    void registrationCreatesTheHomesQueueAndStoresOnlyTheSecretsHash() {
        CloudFixture.Home home = cloud.registerHome();
        assertTrue(home.instanceId().matches("home-[0-9a-z]{26}"));
        assertTrue(home.secret().startsWith("mhs_") && home.secret().length() > 40);
        var row = cloud.wiring
                .aws()
                .dynamoDb()
                .getItem(b -> b.tableName(cloud.wiring.tables().name(Tables.HOMES))
                        .key(Attrs.key("instance_id", home.instanceId())))
                .item();
        assertEquals(Hashes.sha256Hex(home.secret()), Attrs.str(row, "secret_hash"));
        assertFalse(row.toString().contains(home.secret()));
        var attributes = cloud.wiring
                .aws()
                .sqs()
                .getQueueAttributes(b -> b.queueUrl(cloud.queueUrl(home))
                        .attributeNames(software.amazon.awssdk.services.sqs.model.QueueAttributeName.ALL))
                .attributesAsStrings();
        // ElasticMQ does not report MessageRetentionPeriod; the value sent is checked below.
        assertEquals("30", attributes.get("VisibilityTimeout"));
        assertEquals("20", attributes.get("ReceiveMessageWaitTimeSeconds"));
        assertEquals(
                "60",
                HomeRegistry.QUEUE_ATTRIBUTES.get(
                        software.amazon.awssdk.services.sqs.model.QueueAttributeName.MESSAGE_RETENTION_PERIOD));
    }

    @Test
    void homeRoutesNeedTheRightSecret() {
        CloudFixture.Home home = cloud.registerHome();
        ApiResponse wrong = cloud.relay("POST", "/v1/homes/" + home.instanceId() + "/credentials", "mhs_wrong", null);
        assertEquals(401, wrong.status());
        assertEquals("Bearer", wrong.headers().get("www-authenticate"));
        ApiResponse none = cloud.relay("POST", "/v1/homes/" + home.instanceId() + "/credentials", null, null);
        assertEquals(401, none.status());
        ApiResponse other =
                cloud.relay("POST", "/v1/homes/home-00000000000000000000000000/credentials", home.secret(), null);
        assertEquals(410, other.status(), "a secret only opens its own home; an id this relay lacks is unknown_home");
        assertTrue(other.body().contains("\"error\":\"unknown_home\""), other.body());
        ApiResponse ok = cloud.relay("POST", "/v1/homes/" + home.instanceId() + "/credentials", home.secret(), null);
        assertEquals(200, ok.status());
        RelayAccess access = RelayJson.read(ok.body(), RelayAccess.class);
        assertEquals(RelayAccess.MODE_LOCAL, access.mode());
        assertEquals(cloud.queueUrl(home), access.queueUrl());
        assertTrue(access.expiresAtMs() > System.currentTimeMillis());
    }

    @Test
    void heartbeatsAreValidatedAndReportPairing() {
        CloudFixture.Home home = cloud.registerHome();
        String path = "/v1/homes/" + home.instanceId() + "/heartbeat";
        assertEquals(
                400,
                cloud.relay("POST", path, home.secret(), "{\"status\":\"dancing\",\"connector_version\":\"1\"}")
                        .status());
        assertEquals(400, cloud.relay("POST", path, home.secret(), "[1,2]").status());
        assertEquals(400, cloud.relay("POST", path, home.secret(), "{not json").status());
        assertEquals(
                400,
                cloud.relay(
                                "POST",
                                path,
                                home.secret(),
                                new HeartbeatRequest("online", "1", null, "http://plain.example"))
                        .status(),
                "stream bases must be https");
        ApiResponse ok = cloud.relay("POST", path, home.secret(), new HeartbeatRequest("online", "1.0", null, null));
        HeartbeatAck ack = RelayJson.read(ok.body(), HeartbeatAck.class);
        assertFalse(ack.paired());
        assertTrue(Math.abs(ack.serverTimeMs() - System.currentTimeMillis()) < 5000);
        assertEquals(95, ack.staleAfterSeconds());
    }

    @Test
    void heartbeatsCountTheLinkedAccounts() {
        CloudFixture.Home home = cloud.registerHome();
        assertEquals(0, beat(home).linkedAccounts());
        CloudFixture.User alice = cloud.newUser();
        CloudFixture.User bob = cloud.newUser();
        for (CloudFixture.User user : List.of(alice, bob)) {
            PairingCode code = RelayJson.read(
                    cloud.relay("POST", "/v1/homes/" + home.instanceId() + "/pairing-code", home.secret(), null)
                            .body(),
                    PairingCode.class);
            assertEquals(
                    200,
                    cloud.relay("POST", "/v1/pairings", user.token(), Map.of("code", code.code()))
                            .status());
        }
        HeartbeatAck two = beat(home);
        assertTrue(two.paired());
        assertEquals(2, two.linkedAccounts());
        cloud.relay("DELETE", "/v1/pairings", alice.token(), null);
        assertEquals(1, beat(home).linkedAccounts());
        cloud.relay("DELETE", "/v1/pairings", bob.token(), null);
        HeartbeatAck none = beat(home);
        assertFalse(none.paired());
        assertEquals(0, none.linkedAccounts());
    }

    private static HeartbeatAck beat(CloudFixture.Home home) {
        ApiResponse answer = cloud.relay(
                "POST",
                "/v1/homes/" + home.instanceId() + "/heartbeat",
                home.secret(),
                new HeartbeatRequest("online", "1", null, null));
        assertEquals(200, answer.status(), answer.body());
        return RelayJson.read(answer.body(), HeartbeatAck.class);
    }

    @Test
    void aPairingCodeLinksOnceAndANewCodeVoidsTheOld() {
        CloudFixture.Home home = cloud.registerHome();
        CloudFixture.User alice = cloud.newUser();
        CloudFixture.User bob = cloud.newUser();
        String codePath = "/v1/homes/" + home.instanceId() + "/pairing-code";
        PairingCode first = RelayJson.read(
                cloud.relay("POST", codePath, home.secret(), null).body(), PairingCode.class);
        PairingCode second = RelayJson.read(
                cloud.relay("POST", codePath, home.secret(), null).body(), PairingCode.class);
        assertTrue(second.code().matches("\\d{8}"));
        assertEquals(
                400,
                cloud.relay("POST", "/v1/pairings", alice.token(), Map.of("code", first.code()))
                        .status(),
                "issuing a new code voids the old one");
        String spoken = second.code().substring(0, 4) + " " + second.code().substring(4);
        ApiResponse claimed = cloud.relay("POST", "/v1/pairings", alice.token(), Map.of("code", spoken));
        assertEquals(200, claimed.status(), claimed.body());
        assertEquals(
                home.instanceId(),
                RelayJson.read(claimed.body(), PairingClaimed.class).instanceId());
        assertEquals(
                400,
                cloud.relay("POST", "/v1/pairings", bob.token(), Map.of("code", second.code()))
                        .status(),
                "a code works once");
        var codes = cloud.wiring
                .aws()
                .dynamoDb()
                .scan(b -> b.tableName(cloud.wiring.tables().name(Tables.PAIRING_CODES)))
                .items();
        assertTrue(codes.stream().noneMatch(r -> r.toString().contains(second.code())), "codes are stored hashed");
        HeartbeatAck ack = RelayJson.read(
                cloud.relay(
                                "POST",
                                "/v1/homes/" + home.instanceId() + "/heartbeat",
                                home.secret(),
                                new HeartbeatRequest("online", "1", null, null))
                        .body(),
                HeartbeatAck.class);
        assertTrue(ack.paired());
        assertEquals(
                home.instanceId(),
                new HomeDirectory(cloud.wiring.aws().dynamoDb(), cloud.wiring.tables())
                        .linkedInstance(alice.userId())
                        .orElseThrow());
        ApiResponse unlink = cloud.relay("DELETE", "/v1/pairings", alice.token(), null);
        assertTrue(unlink.body().contains("true"));
    }

    @Test
    void expiredCodesAreRefused() {
        CloudFixture expiring = CloudFixture.create(Map.of("PAIRING_CODE_TTL_S", "0"));
        CloudFixture.Home home = expiring.registerHome();
        PairingCode code = RelayJson.read(
                expiring.relay("POST", "/v1/homes/" + home.instanceId() + "/pairing-code", home.secret(), null)
                        .body(),
                PairingCode.class);
        ApiResponse late =
                expiring.relay("POST", "/v1/pairings", expiring.newUser().token(), Map.of("code", code.code()));
        assertEquals(400, late.status());
        assertEquals(
                "invalid_code",
                RelayJson.read(late.body(), io.musicassistant.alexa.relay.protocol.api.ApiError.class)
                        .error());
    }

    @Test
    void unlinkingTheLastAccountUnpairsTheHomeAndAHouseholdPairsOneByOne() {
        CloudFixture.Home home = cloud.registerHome();
        CloudFixture.User alice = cloud.newUser();
        CloudFixture.User bob = cloud.newUser();
        cloud.pair(home, alice);
        assertTrue(paired(home));
        cloud.pair(home, bob); // a second account of the household, with a fresh code
        assertEquals(
                200, cloud.relay("DELETE", "/v1/pairings", alice.token(), null).status());
        assertTrue(paired(home), "bob is still linked");
        assertEquals(
                200, cloud.relay("DELETE", "/v1/pairings", bob.token(), null).status());
        assertFalse(paired(home), "no account left: the connector shows codes again");
        assertTrue(RelayJson.read(
                        cloud.relay("DELETE", "/v1/pairings", bob.token(), null).body(), Map.class)
                .get("unlinked")
                .equals(false));
        cloud.pair(home, alice);
        assertTrue(paired(home), "the home can be paired again");
    }

    @Test
    void pairingAnotherHomeMovesTheLink() {
        CloudFixture.Home first = cloud.registerHome();
        CloudFixture.Home second = cloud.registerHome();
        CloudFixture.User carol = cloud.newUser();
        cloud.pair(first, carol);
        cloud.pair(second, carol);
        assertFalse(paired(first), "carol moved on; nobody is left on the first home");
        assertTrue(paired(second));
        assertEquals(
                second.instanceId(),
                new HomeDirectory(cloud.wiring.aws().dynamoDb(), cloud.wiring.tables())
                        .linkedInstance(carol.userId())
                        .orElseThrow());
        cloud.pair(second, carol); // pairing the same home again changes nothing
        cloud.relay("DELETE", "/v1/pairings", carol.token(), null);
        assertFalse(paired(second));
    }

    @Test
    void twoClaimsOfOneCodeRaceAndOnlyOneWins() throws Exception {
        CloudFixture.Home home = cloud.registerHome();
        String code = RelayJson.read(
                        cloud.relay("POST", "/v1/homes/" + home.instanceId() + "/pairing-code", home.secret(), null)
                                .body(),
                        PairingCode.class)
                .code();
        List<CloudFixture.User> users = List.of(cloud.newUser(), cloud.newUser(), cloud.newUser(), cloud.newUser());
        try (var pool = Executors.newFixedThreadPool(users.size())) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < users.size(); i++) {
                CloudFixture.User u = users.get(i);
                String ip = "203.0.113." + (50 + i);
                results.add(
                        pool.submit(() -> cloud.relayFrom(ip, "POST", "/v1/pairings", u.token(), Map.of("code", code))
                                .status()));
            }
            int won = 0;
            for (Future<Integer> r : results) {
                won += r.get() == 200 ? 1 : 0;
            }
            assertEquals(1, won);
        }
        assertTrue(paired(home));
    }

    private boolean paired(CloudFixture.Home home) {
        return RelayJson.read(
                        cloud.relay(
                                        "POST",
                                        "/v1/homes/" + home.instanceId() + "/heartbeat",
                                        home.secret(),
                                        new HeartbeatRequest("online", "1", null, null))
                                .body(),
                        HeartbeatAck.class)
                .paired();
    }

    @Test
    void claimingNeedsAValidAmazonLoginAndIsAttemptLimited() {
        assertEquals(
                401,
                cloud.relay("POST", "/v1/pairings", "Atza|bogus", Map.of("code", "12345678"))
                        .status());
        assertEquals(
                401,
                cloud.relay("POST", "/v1/pairings", null, Map.of("code", "12345678"))
                        .status());
        CloudFixture.User guesser = cloud.newUser();
        int refused = 0;
        int limited = 0;
        for (int i = 0; i < 14; i++) {
            ApiResponse r = cloud.relayFrom(
                    "203.0.113.20", "POST", "/v1/pairings", guesser.token(), Map.of("code", String.format("%08d", i)));
            if (r.status() == 429) {
                limited++;
                assertNotNull(r.headers().get("retry-after"));
            } else {
                assertEquals(400, r.status());
                refused++;
            }
        }
        assertEquals(10, refused, "ten guesses per hour");
        assertEquals(4, limited);
        assertEquals(
                400,
                cloud.relay("POST", "/v1/pairings", cloud.newUser().token(), Map.of("code", "12ab"))
                        .status());
    }

    @Test
    void registrationIsRateLimitedPerSourceAddress() {
        CloudFixture fresh = CloudFixture.create();
        int created = 0;
        int limited = 0;
        for (int i = 0; i < 12; i++) {
            int status = fresh.relay("POST", "/v1/homes", null, Map.of("connector_version", "1"))
                    .status();
            if (status == 201) {
                created++;
            } else if (status == 429) {
                limited++;
            }
        }
        assertEquals(10, created);
        assertEquals(2, limited);
    }

    @Test
    void badRequestsGetClearErrors() {
        assertEquals(404, cloud.relay("GET", "/nope", null, null).status());
        assertEquals(405, cloud.relay("GET", "/v1/homes", null, null).status());
        assertEquals(
                400,
                cloud.relay("POST", "/v1/homes", null, Map.of("connector_version", "bad version!"))
                        .status());
        assertEquals(
                400,
                cloud.relay("POST", "/v1/homes", null, Map.of("connector_version", "1", "home_name", "x".repeat(100)))
                        .status());
        Map<String, String> headers = new HashMap<>(Map.of("content-type", "text/plain"));
        ApiResponse wrongType = cloud.wiring
                .relayApi()
                .handle(new ApiRequest(
                        "POST", "/v1/homes", headers, "{}".getBytes(StandardCharsets.UTF_8), "203.0.113.9"));
        assertEquals(415, wrongType.status());
        ApiResponse huge = cloud.wiring
                .relayApi()
                .handle(new ApiRequest(
                        "POST",
                        "/v1/homes",
                        Map.of("content-type", "application/json"),
                        new byte[100_000],
                        "203.0.113.9"));
        assertEquals(413, huge.status());
        assertTrue(huge.body().contains("\"error\":\"payload_too_large\""));
        assertNotNull(huge.headers().get("x-request-id"));
    }

    @Test
    void theLambdaAdapterReadsHttpApiEvents() throws Exception {
        String event = """
                {"version":"2.0","rawPath":"/v1/homes","headers":{"Content-Type":"application/json"},
                 "requestContext":{"http":{"method":"POST","sourceIp":"192.0.2.44"}},
                 "body":"eyJjb25uZWN0b3JfdmVyc2lvbiI6IjEifQ==","isBase64Encoded":true}""";
        var out = new java.io.ByteArrayOutputStream();
        new RelayApiHandler(cloud.wiring.relayApi())
                .handleRequest(new java.io.ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        var response = RelayJson.mapper().readTree(out.toByteArray());
        assertEquals(201, response.path("statusCode").asInt(), response.toString());
        assertTrue(response.path("body").asText().contains("instance_secret"));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
