package io.musicassistant.alexa.relayapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.RelayApiHandler;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.testing.CloudFixture;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Every relay API route under generated malformed, oversized and hostile input, against Moto and
 * ElasticMQ: odd methods and paths, wrong types and random JSON, huge strings, deep nesting, bad
 * bearer tokens and content types. Whatever comes in, nothing escapes: the answer is a documented
 * status (never a 500), a JSON error with a stable code, and no internal class name in its text.
 */
class RelayApiFuzzTest {

    /** Every status docs/relay-protocol.md lists; 503 is Login with Amazon or catalogs being unavailable. */
    static final Set<Integer> DOCUMENTED = Set.of(200, 201, 400, 401, 404, 405, 410, 413, 415, 429, 503);
    /** What would give away our insides: class and package names, parser wording, stack traces. */
    static final Pattern LEAK = Pattern.compile(
            "(?i)exception|jackson|\\bjava\\.|\\bjavax\\.|\\bcom\\.|\\borg\\.|io\\.musicassistant|software\\.amazon|`|\\bat [a-z]+\\.");

    static final List<String> ACTIONS =
            List.of("credentials", "heartbeat", "pairing-code", "events", "catalog-snapshot");
    static final List<String> FIELDS = List.of(
            "status",
            "connector_version",
            "home_name",
            "code",
            "stream_base",
            "ma",
            "stream",
            "connected",
            "server_id",
            "server_version",
            "ok",
            "problem",
            "events",
            "player_id",
            "bytes",
            "entities",
            "sha256",
            "state",
            "volume",
            "");

    static CloudFixture cloud;
    static List<CloudFixture.Home> homes;

    @BeforeContainer
    static void setUp() {
        cloud = CloudFixture.create();
        homes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            homes.add(cloud.registerHome());
        }
    }

    @Property(tries = 400)
    void anyRequestToAnyRouteGetsACleanAnswer(
            @ForAll("methods") String method,
            @ForAll("paths") String path,
            @ForAll("headers") Map<String, String> headers,
            @ForAll("bodies") byte[] body,
            @ForAll("addresses") String source) {
        ApiResponse response = cloud.wiring.relayApi().handle(new ApiRequest(method, path, headers, body, source));
        assertClean(response.status(), response.body());
        assertNotNull(response.headers().get("x-request-id"));
    }

    /** Authenticated requests, so that the bodies reach each route's parser and checks. */
    @Property(tries = 250)
    void anyBodyOnAnAuthenticatedRouteGetsACleanAnswer(
            @ForAll("homeIndex") int home, @ForAll("action") String action, @ForAll("jsonBodies") String body) {
        CloudFixture.Home h = homes.get(home);
        ApiResponse response = cloud.relay("POST", "/v1/homes/" + h.instanceId() + "/" + action, h.secret(), body);
        assertClean(response.status(), response.body());
    }

    @Property(tries = 150)
    void anyBodyOnTheOpenRoutesGetsACleanAnswer(
            @ForAll("openRoute") String path,
            @ForAll("jsonBodies") String body,
            @ForAll("bearers") String bearer,
            @ForAll("addresses") String source) {
        ApiResponse response = cloud.relayFrom(source, "POST", path, bearer, body);
        assertClean(response.status(), response.body());
    }

    @Property(tries = 150)
    void theLambdaAdapterAnswersAnyEvent(@ForAll("events") byte[] event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new RelayApiHandler(cloud.wiring.relayApi()).handleRequest(new ByteArrayInputStream(event), out, null);
        JsonNode answer = RelayJson.mapper().readTree(out.toByteArray());
        assertClean(answer.path("statusCode").asInt(), answer.path("body").asText());
    }

    @Example
    void wrongTypesAreNamedInOurOwnWords() {
        CloudFixture.Home home = homes.getFirst();
        ApiResponse response = cloud.relay(
                "POST",
                "/v1/homes/" + home.instanceId() + "/heartbeat",
                home.secret(),
                "{\"status\":{\"nested\":true},\"connector_version\":\"1\"}");
        assertEquals(400, response.status());
        JsonNode body = parse(response.body());
        assertEquals("invalid_request", body.path("error").asText());
        assertEquals(
                "field status is missing, of the wrong type or out of range",
                body.path("message").asText());
        ApiResponse events = cloud.relay(
                "POST", "/v1/homes/" + home.instanceId() + "/events", home.secret(), "{\"events\":\"not a list\"}");
        assertClean(events.status(), events.body());
        assertEquals(400, events.status());
        ApiResponse empty =
                cloud.relay("POST", "/v1/homes/" + home.instanceId() + "/events", home.secret(), "{\"events\":[]}");
        assertEquals(
                "events must hold 1..50 entries",
                parse(empty.body()).path("message").asText(),
                "a protocol record's own check is passed on in its words");
    }

    // --- the answer

    static void assertClean(int status, String body) {
        assertTrue(DOCUMENTED.contains(status), "undocumented status " + status + ": " + body);
        JsonNode json = parse(body);
        assertTrue(json.isObject(), body);
        if (status >= 400) {
            assertTrue(json.path("error").asText().matches("[a-z_]{3,40}"), body);
            assertTrue(json.path("message").isTextual(), body);
            assertFalse(LEAK.matcher(body).find(), "internal detail in " + body);
            assertTrue(body.length() < 1000, "a short answer: " + body.length());
        }
    }

    static JsonNode parse(String body) {
        try {
            return RelayJson.mapper().readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body);
        }
    }

    // --- what comes in

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.oneOf(
                Arbitraries.of("POST", "GET", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "", "post", "P\u0000ST"),
                Arbitraries.strings().all().ofMaxLength(20),
                Arbitraries.just("X".repeat(5000)));
    }

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> ids = Arbitraries.oneOf(
                Arbitraries.of(
                        homes.getFirst().instanceId(),
                        "home-00000000000000000000000000",
                        "home-",
                        "..",
                        "%2e%2e",
                        "",
                        "home-0000000000000000000000000u",
                        "HOME-ABCDEFGHJKMNPQRSTVWXYZ012"),
                Arbitraries.strings().all().ofMaxLength(70));
        Arbitrary<String> actions = Arbitraries.oneOf(
                Arbitraries.of(ACTIONS), Arbitraries.strings().alpha().ofMaxLength(20));
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "/v1/homes",
                        "/v1/pairings",
                        "/v1/homes/",
                        "/v1/pairings/",
                        "/",
                        "",
                        "/v1",
                        "/v2/homes",
                        "/v1/homes/../pairings",
                        "//v1/homes",
                        "/v1/homes?x=1",
                        "/V1/HOMES"),
                Combinators.combine(ids, actions).as((id, action) -> "/v1/homes/" + id + "/" + action),
                Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.just("/v1/homes/" + "a".repeat(10_000) + "/heartbeat"));
    }

    @Provide
    Arbitrary<Map<String, String>> headers() {
        Arbitrary<String> types = Arbitraries.of(
                "application/json",
                "APPLICATION/JSON; charset=utf-8",
                "text/plain",
                "",
                "application/json-patch+json",
                "multipart/form-data; boundary=x",
                "application/json; charset=utf-16");
        Arbitrary<String> authorizations = Arbitraries.oneOf(
                bearers().map(b -> "Bearer " + b),
                Arbitraries.of("Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "bearer x", "", "Bearer\u0000x"),
                Arbitraries.strings().all().ofMaxLength(200));
        return Combinators.combine(
                        types.injectNull(0.2),
                        authorizations.injectNull(0.3),
                        Arbitraries.strings().all().ofMaxLength(30),
                        Arbitraries.strings().all().ofMaxLength(100))
                .as((type, auth, k, v) -> {
                    Map<String, String> headers = new HashMap<>();
                    if (type != null) {
                        headers.put("content-type", type);
                    }
                    if (auth != null) {
                        headers.put("authorization", auth);
                    }
                    headers.put(k.toLowerCase(), v);
                    return headers;
                });
    }

    @Provide
    Arbitrary<String> bearers() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        homes.getFirst().secret(),
                        "mhs_",
                        "mhs_" + "A".repeat(300),
                        "Atza|bogus",
                        "Atza|" + "x".repeat(3000),
                        "",
                        " ",
                        "\u0000",
                        "null",
                        "mhs_\uD800"),
                Arbitraries.strings().all().ofMaxLength(150));
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        return Arbitraries.oneOf(
                jsonBodies().map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(200),
                Arbitraries.just(new byte[0]),
                Arbitraries.just(new byte[RelayApi.MAX_EVENTS_BODY_BYTES + 1]));
    }

    @Provide
    Arbitrary<String> jsonBodies() {
        return Arbitraries.oneOf(
                json(3),
                json(2).map(s -> s + " trailing"),
                Arbitraries.of(
                        "{",
                        "}",
                        "[]",
                        "null",
                        "\"text\"",
                        "12",
                        "{\"a\":1,}",
                        "{'a':1}",
                        "\uFEFF{}",
                        "{}{}",
                        "[".repeat(200) + "]".repeat(200),
                        "{\"a\":".repeat(100) + "1" + "}".repeat(100)),
                Arbitraries.just("{\"home_name\":\"" + "h".repeat(15_000) + "\",\"connector_version\":\"1\"}"));
    }

    /** Random JSON, skewed towards the protocol's field names so that values of the wrong type reach the parser. */
    static Arbitrary<String> json(int depth) {
        Arbitrary<String> leaf = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40).map(RelayJson::write),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf),
                Arbitraries.of(
                        "true",
                        "false",
                        "null",
                        "1e999",
                        "-0",
                        "\"\"",
                        "\"online\"",
                        "\"stopping\"",
                        "\"https://x.example\"",
                        "\"12345678\"",
                        RelayJson.write("x".repeat(5000))));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<String> inner = Arbitraries.lazy(() -> json(depth - 1));
        Arbitrary<String> names = Arbitraries.oneOf(
                        Arbitraries.of(FIELDS), Arbitraries.strings().all().ofMaxLength(12))
                .map(RelayJson::write);
        Arbitrary<String> objects = Combinators.combine(
                        names.list().ofMaxSize(6), inner.list().ofMaxSize(6))
                .as((keys, values) -> {
                    List<String> members = new ArrayList<>();
                    for (int i = 0; i < Math.min(keys.size(), values.size()); i++) {
                        members.add(keys.get(i) + ":" + values.get(i));
                    }
                    return "{" + String.join(",", members) + "}";
                });
        return Arbitraries.frequencyOf(
                Tuple.of(2, leaf),
                Tuple.of(1, inner.list().ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]")),
                Tuple.of(4, objects));
    }

    @Provide
    Arbitrary<String> addresses() {
        return Arbitraries.oneOf(
                Arbitraries.integers()
                        .between(0, 255)
                        .list()
                        .ofSize(4)
                        .map(l -> l.get(0) + "." + l.get(1) + "." + l.get(2) + "." + l.get(3)),
                Arbitraries.of(
                        "",
                        "unknown",
                        "::1",
                        "2001:db8::1",
                        "::ffff:192.0.2.1",
                        "fe80::1%eth0",
                        "1:2:3::4::5",
                        "999.999.999.999"),
                Arbitraries.strings().all().ofMaxLength(100));
    }

    @Provide
    Arbitrary<Integer> homeIndex() {
        return Arbitraries.integers().between(0, 7);
    }

    @Provide
    Arbitrary<String> action() {
        return Arbitraries.of(ACTIONS);
    }

    @Provide
    Arbitrary<String> openRoute() {
        return Arbitraries.of("/v1/homes", "/v1/pairings");
    }

    @Provide
    Arbitrary<byte[]> events() {
        Arbitrary<String> wellFormed = Combinators.combine(
                        methods(), paths(), jsonBodies(), Arbitraries.of(true, false))
                .as((method, path, body, base64) -> {
                    Map<String, Object> event = new HashMap<>();
                    event.put("version", "2.0");
                    event.put("rawPath", path);
                    event.put("headers", Map.of("content-type", "application/json"));
                    event.put("requestContext", Map.of("http", Map.of("method", method, "sourceIp", "192.0.2.9")));
                    event.put("body", base64 ? "%%not base64%%" + body : body);
                    event.put("isBase64Encoded", base64);
                    return RelayJson.write(event);
                });
        return Arbitraries.oneOf(
                wellFormed.map(s -> s.getBytes(StandardCharsets.UTF_8)),
                json(3).map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300),
                Arbitraries.of(
                                "{\"headers\":[1,2],\"requestContext\":\"x\",\"body\":{}}",
                                "{\"rawPath\":null}",
                                "",
                                "[]")
                        .map(s -> s.getBytes(StandardCharsets.UTF_8)));
    }
}
