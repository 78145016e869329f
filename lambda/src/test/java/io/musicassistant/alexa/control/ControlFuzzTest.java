package io.musicassistant.alexa.control;

import static io.musicassistant.alexa.testing.ScriptedPlayers.KITCHEN;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.ControlSkillHandler;
import io.musicassistant.alexa.alexa.AlexaJson;
import io.musicassistant.alexa.testing.AlexaEnvelopes;
import io.musicassistant.alexa.testing.CloudFixture;
import io.musicassistant.alexa.testing.Fuzz;
import io.musicassistant.alexa.testing.FuzzProperties;
import io.musicassistant.alexa.testing.ScriptedHome;
import io.musicassistant.alexa.testing.ScriptedPlayers;
import io.musicassistant.alexa.testing.SmartHomeDirectives;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * The control skill's Lambda entry point (smart-home directives and the custom voice model on one
 * endpoint) fed generated malformed, oversized and hostile input: every smart-home and custom-skill
 * request fixture mutated, then its bytes; random JSON in each envelope; headers with wrong
 * namespaces, names and versions. Every answer is a valid envelope of its kind (smart-home errors
 * as Amazon's schema has them), a directive that carried a usable correlation token gets it back,
 * and nothing is logged as an unexpected failure (ERROR).
 */
class ControlFuzzTest extends FuzzProperties {

    static final ObjectMapper LENIENT = new ObjectMapper();

    static CloudFixture cloud;
    static ControlSkillHandler handler;
    static ScriptedHome home;
    static List<ObjectNode> smartHome;
    static List<ObjectNode> voice;

    @BeforeContainer
    static void setUp() {
        cloud = CloudFixture.create(SmartHomeDirectives.reporting(io.musicassistant.alexa.dev.DevServices.shared()));
        CloudFixture.User user = cloud.newUser();
        home = new ScriptedHome(cloud, cloud.pairedHome(user), new ScriptedPlayers()::answer);
        handler = new ControlSkillHandler(cloud.wiring.controlSkill());
        smartHome = new ArrayList<>();
        voice = new ArrayList<>();
        for (String name : Fuzz.requestFixtures("smarthome")) {
            ObjectNode fixture = SmartHomeDirectives.fixture(name);
            if (fixture.has("directive")) {
                smartHome.add(SmartHomeDirectives.request(name, user.token(), KITCHEN));
            }
        }
        for (String name : List.of(
                "Custom.IntentRequest.PlayInRoom.json",
                "Custom.IntentRequest.AMAZON.StopIntent.json",
                "Custom.IntentRequest.SelectRoom.static-match.json",
                "Custom.LaunchRequest.json",
                "Custom.SessionEndedRequest.json",
                "Custom.SessionEndedRequest.error.json")) {
            ObjectNode request = SmartHomeDirectives.fixture(name);
            ((ObjectNode) request.path("context").path("System").path("user")).put("accessToken", user.token());
            voice.add(request);
        }
        if (smartHome.size() < 10 || voice.size() < 6) {
            throw new IllegalStateException(
                    "request fixtures missing: " + smartHome.size() + " smart-home, " + voice.size() + " voice");
        }
    }

    @AfterContainer
    static void tearDown() {
        if (home != null) {
            home.close();
        }
    }

    /** Through the Lambda handler, as AWS calls it; checks the answer against the envelope the input asked for. */
    static JsonNode call(byte[] input) {
        JsonNode tree = invoke(handler, input);
        String shown = shown(input);
        AlexaEnvelopes.assertControl(tree);
        // What lies beyond the bytes an entry point reads (MAX_REQUEST_BYTES) cannot be answered.
        JsonNode sent = input.length <= AlexaJson.MAX_REQUEST_BYTES ? readable(input) : null;
        if (tree.has("event") && sent != null) {
            JsonNode token = sent.path("directive").path("header").path("correlationToken");
            boolean usable = token.isTextual()
                    && !token.textValue().isEmpty()
                    && token.textValue().length() <= 4096
                    && io.musicassistant.alexa.relay.protocol.SqsText.allowed(token.textValue());
            if (usable
                    && !"Discover.Response"
                            .equals(tree.path("event")
                                    .path("header")
                                    .path("name")
                                    .asText())) {
                if (!token.equals(tree.path("event").path("header").path("correlationToken"))) {
                    throw new AssertionError("correlation token lost for input " + shown + "\nanswer " + tree);
                }
            }
        }
        return tree;
    }

    /** The request as a lenient reader sees it, or null when it is not JSON at all. */
    private static JsonNode readable(byte[] input) {
        try {
            return LENIENT.readTree(input);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static String outcome(JsonNode answer) {
        if (answer.has("event")) {
            return SmartHomeDirectives.outcome(answer);
        }
        return "voice" + (answer.path("response").has("outputSpeech") ? "" : " (ack)");
    }

    @Provide
    Arbitrary<ObjectNode> directives() {
        return Arbitraries.of(smartHome);
    }

    @Provide
    Arbitrary<ObjectNode> utterances() {
        return Arbitraries.of(voice);
    }

    /** Headers from every interface and version Alexa has, ours or not, and hostile ones. */
    @Provide
    Arbitrary<ObjectNode> headers() {
        Arbitrary<String> namespaces = Arbitraries.oneOf(
                Arbitraries.of(
                        "Alexa",
                        "Alexa.Discovery",
                        "Alexa.PowerController",
                        "Alexa.Speaker",
                        "Alexa.StepSpeaker",
                        "Alexa.PlaybackController",
                        "Alexa.Authorization",
                        "Alexa.ThermostatController",
                        "Alexa.Media.Search",
                        "Alexa.Audio.PlayQueue",
                        "alexa",
                        "Alexa.Speaker "),
                Fuzz.hostileText());
        Arbitrary<String> names = Arbitraries.oneOf(
                Arbitraries.of(
                        "ReportState",
                        "Discover",
                        "TurnOn",
                        "TurnOff",
                        "SetVolume",
                        "AdjustVolume",
                        "SetMute",
                        "Play",
                        "Pause",
                        "Next",
                        "AcceptGrant",
                        "FastForward",
                        "GetPlayableContent"),
                Fuzz.hostileText());
        Arbitrary<JsonNode> versions = Arbitraries.oneOf(
                Arbitraries.of("3", "2", "1.0", "3.0", " 3", "")
                        .map(v -> (JsonNode) LENIENT.getNodeFactory().textNode(v)),
                Fuzz.json());
        return Combinators.combine(namespaces, names, versions, Arbitraries.of("tok", "", "dFMb0z+Pgpg=="))
                .as((ns, n, v, t) -> {
                    ObjectNode header = LENIENT.createObjectNode()
                            .put("namespace", ns)
                            .put("name", n)
                            .put("messageId", UUID.randomUUID().toString());
                    header.set("payloadVersion", v);
                    return header.put("correlationToken", t);
                });
    }

    @Property(tries = 250)
    void mutatedDirectivesGetValidEnvelopes(
            @ForAll("directives") ObjectNode directive,
            @ForAll("mutations") List<Fuzz.Mutation> mutations,
            @ForAll("bytes") Fuzz.Bytes bytes) {
        Statistics.collect(outcome(call(Fuzz.mutate(directive, mutations, bytes))));
    }

    @Property(tries = 150)
    void mutatedUtterancesGetValidEnvelopes(
            @ForAll("utterances") ObjectNode request,
            @ForAll("mutations") List<Fuzz.Mutation> mutations,
            @ForAll("bytes") Fuzz.Bytes bytes) {
        Statistics.collect(outcome(call(Fuzz.mutate(request, mutations, bytes))));
    }

    @Property(tries = 100)
    void randomJsonInEveryEnvelopeGetsValidAnswers(@ForAll("json") JsonNode any) {
        call(any.toString().getBytes(StandardCharsets.UTF_8));
        call(LENIENT.createObjectNode()
                .<ObjectNode>set("directive", any)
                .toString()
                .getBytes(StandardCharsets.UTF_8));
        ObjectNode custom = LENIENT.createObjectNode().put("version", "1.0");
        custom.set("request", any);
        custom.set("session", any);
        call(custom.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 100)
    void foreignHeadersGetValidAnswers(
            @ForAll("headers") ObjectNode header, @ForAll("directives") ObjectNode directive) {
        ObjectNode request = directive.deepCopy();
        ((ObjectNode) request.path("directive")).set("header", header);
        Statistics.collect(outcome(call(request.toString().getBytes(StandardCharsets.UTF_8))));
    }
}
