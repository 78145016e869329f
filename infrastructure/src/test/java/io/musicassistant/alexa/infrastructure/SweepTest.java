package io.musicassistant.alexa.infrastructure;

import static io.musicassistant.alexa.infrastructure.StackTest.logicalIdOf;
import static io.musicassistant.alexa.infrastructure.StackTest.resources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The daily sweep as synthesised: its function, its schedule (and nothing else may call it), its rights statement by statement. */
class SweepTest {

    static JsonNode full;
    static String sweeper;

    @BeforeAll
    static void synth() {
        full = new ObjectMapper().valueToTree(Synth.template(Synth.full()).toJSON());
        sweeper = resources(full, "AWS::Lambda::Function").entrySet().stream()
                .filter(e ->
                        e.getValue().path("Properties").path("Handler").asText().equals(Sweep.HANDLER))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void anEventBridgeRuleInvokesTheSweepDailyAndOnlyItMay() {
        JsonNode p = full.path("Resources").path(sweeper).path("Properties");
        assertEquals("test-home-sweep", p.path("FunctionName").asText());
        assertTrue(p.path("SnapStart").isMissingNode());
        assertTrue(
                p.path("Environment").path("Variables").has("CATALOG_BUCKET"),
                "snapshots of removed homes are deleted");
        Map.Entry<String, JsonNode> rule = resources(full, "AWS::Events::Rule").entrySet().stream()
                .filter(r ->
                        r.getValue().path("Properties").path("Name").asText().equals("test-home-sweep"))
                .findFirst()
                .orElseThrow();
        JsonNode props = rule.getValue().path("Properties");
        assertEquals("rate(1 day)", props.path("ScheduleExpression").asText());
        assertEquals("ENABLED", props.path("State").asText());
        assertEquals(1, props.path("Targets").size());
        assertEquals(sweeper, logicalIdOf(props.path("Targets").get(0).path("Arn")));
        JsonNode invoke = resources(full, "AWS::Lambda::Permission").values().stream()
                .filter(perm ->
                        sweeper.equals(logicalIdOf(perm.path("Properties").path("FunctionName"))))
                .findFirst()
                .orElseThrow()
                .path("Properties");
        assertEquals("events.amazonaws.com", invoke.path("Principal").asText());
        assertEquals(rule.getKey(), logicalIdOf(invoke.path("SourceArn")), "only its rule may invoke it");
    }

    @Test
    void theSweepMayDeleteHomesQueuesAndSnapshotsAndNothingElse() {
        Set<String> beyondTables = new TreeSet<>(CatalogTest.statements(full, "HomeSweepRoleDefaultPolicy"));
        beyondTables.removeIf(s -> s.startsWith("dynamodb:"));
        assertEquals(
                new TreeSet<>(Set.of(
                        "logs:CreateLogStream,logs:PutLogEvents -> {HomeSweepLogs}",
                        "sqs:DeleteQueue -> arn:{AWS::Partition}:sqs:eu-west-1:{AWS::AccountId}:test-relay-home-*",
                        "s3:ListBucket -> {StorageBucketcatalog} if {\"StringLike\":{\"s3:prefix\":[\"snapshots/*\"]}}",
                        "s3:DeleteObject -> {StorageBucketcatalog}/snapshots/*")),
                beyondTables);
    }
}
