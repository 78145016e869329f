package io.musicassistant.alexa.music;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.MusicSkillHandler;
import io.musicassistant.alexa.alexa.AlexaJson;
import io.musicassistant.alexa.testing.AlexaEnvelopes;
import io.musicassistant.alexa.testing.CloudFixture;
import io.musicassistant.alexa.testing.Directives;
import io.musicassistant.alexa.testing.Fuzz;
import io.musicassistant.alexa.testing.FuzzProperties;
import io.musicassistant.alexa.testing.ScriptedHome;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * The music skill's Lambda entry point fed generated malformed, oversized and hostile input: every
 * request fixture mutated (wrong types, missing and extra fields, wrong namespaces and versions),
 * then its bytes (trailing garbage, truncation); random JSON; hostile text; deep nesting. Every
 * answer is a valid Alexa envelope and nothing is logged as an unexpected failure (ERROR).
 */
class MusicFuzzTest extends FuzzProperties {

    static CloudFixture cloud;
    static MusicSkillHandler handler;
    static ScriptedHome home;
    static List<ObjectNode> fixtures;

    @BeforeContainer
    static void setUp() {
        cloud = CloudFixture.create();
        CloudFixture.User user = cloud.newUser();
        home = new ScriptedHome(cloud, cloud.pairedHome(user), EdgeInputTest::answer);
        handler = new MusicSkillHandler(cloud.wiring.musicSkill());
        fixtures = new ArrayList<>();
        fixtures.addAll(Fuzz.requestFixtures("alexa").stream()
                .map(n -> Directives.request(n, user.token()))
                .toList());
        // Requests that get past the envelope: our album's id, and a search the home answers.
        ObjectNode initiate = Directives.request("Initiate.request.json", user.token());
        initiate.with("payload").put("contentId", "ma1:album:ok-computer:radiohead");
        fixtures.add(initiate);
        ObjectNode search = Directives.request("GetPlayableContent.request.json", user.token());
        search.with("payload")
                .with("selectionCriteria")
                .putArray("attributes")
                .addObject()
                .put("type", "ALBUM")
                .put("value", "ok computer");
        fixtures.add(search);
        if (fixtures.size() < 10) {
            throw new IllegalStateException("too few request fixtures found: " + fixtures.size());
        }
    }

    @AfterContainer
    static void tearDown() {
        if (home != null) {
            home.close();
        }
    }

    /** Through the Lambda handler, as AWS calls it. */
    static JsonNode call(byte[] input) {
        JsonNode tree = invoke(handler, input);
        AlexaEnvelopes.assertMusic(tree);
        return tree;
    }

    @Provide
    Arbitrary<ObjectNode> directives() {
        return Arbitraries.of(fixtures);
    }

    @Property(tries = 250)
    void mutatedDirectivesGetValidEnvelopes(
            @ForAll("directives") ObjectNode directive,
            @ForAll("mutations") List<Fuzz.Mutation> mutations,
            @ForAll("bytes") Fuzz.Bytes bytes) {
        JsonNode answer = call(Fuzz.mutate(directive, mutations, bytes));
        // Printed with the property's report: how far generated input got (answers, error types).
        Statistics.collect(answer.path("header").path("name").asText() + " "
                + answer.path("payload").path("type").asText(""));
    }

    @Property(tries = 100)
    void randomJsonGetsValidEnvelopes(@ForAll("json") JsonNode any) {
        call(any.toString().getBytes(StandardCharsets.UTF_8));
        ObjectNode shaped = AlexaJson.mapper().createObjectNode();
        shaped.set("header", any);
        shaped.set("payload", any);
        call(shaped.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 60)
    void hostileTextGetsValidEnvelopes(@ForAll("text") String text) {
        call(text.getBytes(StandardCharsets.UTF_8));
        String quoted =
                com.fasterxml.jackson.databind.node.TextNode.valueOf(text).toString();
        call(
                ("{\"header\":{\"namespace\":\"Alexa.Media.Search\",\"name\":\"GetPlayableContent\",\"payloadVersion\":\"1.0\","
                                + "\"messageId\":" + quoted
                                + "},\"payload\":{\"requestContext\":{\"user\":{\"accessToken\":" + quoted + "}},"
                                + "\"selectionCriteria\":{\"attributes\":[{\"type\":\"ARTIST\",\"value\":" + quoted
                                + "}]}}}")
                        .getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 30)
    void deepNestingGetsValidEnvelopes(@ForAll @IntRange(min = 30, max = 20_000) int depth, @ForAll boolean objects) {
        String open = objects ? "{\"header\":" : "[";
        call((open.repeat(depth) + "1").getBytes(StandardCharsets.UTF_8));
    }
}
