package io.musicassistant.alexa.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.infrastructure.PolicyEvaluator.Request;
import io.musicassistant.alexa.platform.Buckets;
import io.musicassistant.alexa.platform.Tables;
import io.musicassistant.alexa.relay.Home;
import io.musicassistant.alexa.relay.protocol.RelayProtocol.ReplyTable;
import io.musicassistant.alexa.relayapi.StsCredentialIssuer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One home's relay credentials cannot touch another home's queue or reply rows. The credentials are
 * the connector role (its policies as the synthesised template grants them, scoped by the session
 * tag {@code home}) narrowed by the session policy {@link StsCredentialIssuer} attaches to each
 * AssumeRole; {@link PolicyEvaluator} intersects the two as AWS documents. Either alone isolates the
 * homes: widening or dropping the session policy still leaves the role's tag conditions, and
 * widening the role still leaves the session policy; the tests below prove each.
 */
class ConnectorIsolationTest {

    static final String ACCOUNT = "123456789012";
    static final String REGION = "eu-west-1";
    static final Tables TABLES = new Tables("test-");
    /** Two homes whose ids differ only in their last character. */
    static final String HOME_A = "home-abcdefghjkmnpqrstvwxyz0123";

    static final String HOME_B = "home-abcdefghjkmnpqrstvwxyz0124";
    static final String REQUEST = "0b6e1a43-8f0e-4a57-9d0a-3f1c2d4e5f60";

    static final String PRINCIPAL_TAG = "aws:PrincipalTag/" + StsCredentialIssuer.HOME_TAG;

    static JsonNode template;
    static List<JsonNode> rolePolicies;
    static JsonNode sessionPolicyA;

    @BeforeAll
    static void policies() throws Exception {
        template = new ObjectMapper().valueToTree(Synth.template(Synth.full()).toJSON());
        rolePolicies = connectorRolePolicies(template);
        StsCredentialIssuer issuer =
                new StsCredentialIssuer(null, "arn:aws:iam::" + ACCOUNT + ":role/connector", REGION, TABLES);
        String text = issuer.sessionPolicy(home(HOME_A));
        // AWS refuses inline session policies over 2,048 characters (AssumeRole's Policy parameter).
        assertTrue(text.length() <= 2048, "session policy is " + text.length() + " characters");
        sessionPolicyA = new ObjectMapper().readTree(text);
    }

    @Test
    void aHomeReachesItsOwnQueueAndWritesItsOwnReplies() {
        assertEquals(List.of(), refused(sessionPolicyA, ownRequests()));
    }

    @Test
    void aHomeCannotTouchAnotherHomesQueueOrRepliesNorDoMoreThanTheConnectorDoes() {
        assertEquals(List.of(), allowed(sessionPolicyA, foreignRequests()));
    }

    @Test
    void aSessionPolicyAskingForMoreThanTheRoleGrantsGetsNothingMore() {
        JsonNode greedy = widen(sessionPolicyA, p -> {
            ArrayNode statements = (ArrayNode) p.path("Statement");
            statements.addObject().put("Effect", "Allow").put("Action", "*").put("Resource", "*");
            return p;
        });
        List<Request> beyondTheRole = List.of(
                new Request("sqs:SendMessage", queueArn(HOME_A)),
                new Request("dynamodb:GetItem", tableArn(Tables.REPLIES)),
                new Request(
                        "s3:GetObject",
                        "arn:aws:s3:::" + new Buckets("test-", ACCOUNT, REGION).name(Buckets.CATALOG) + "/x"));
        assertEquals(List.of(), allowed(greedy, beyondTheRole));
    }

    /** Each widening leaks with a role that is not scoped by home, and the scoped role holds against all of them. */
    @Test
    void everyWideningOfTheSessionPolicyIsCaught() {
        Map<String, UnaryOperator<JsonNode>> widenings = Map.of(
                "every relay queue",
                        p -> setResource(p, "OwnQueue", "arn:aws:sqs:" + REGION + ":" + ACCOUNT + ":test-relay-home-*"),
                "any queue", p -> setResource(p, "OwnQueue", "*"),
                "no LeadingKeys condition",
                        p -> {
                            ((ObjectNode) statement(p, "OwnReplies")).remove("Condition");
                            return p;
                        },
                "LeadingKeys of every home", p -> setLeadingKeys(p, "home-*"),
                "a statement for every relay queue",
                        p -> {
                            ((ArrayNode) p.path("Statement"))
                                    .addObject()
                                    .put("Effect", "Allow")
                                    .put("Action", "sqs:ReceiveMessage")
                                    .put("Resource", "arn:aws:sqs:*:*:test-relay-*");
                            return p;
                        });
        for (var widening : widenings.entrySet()) {
            JsonNode wider = widen(sessionPolicyA, widening.getValue());
            assertFalse(
                    allowed(unscoped(rolePolicies), wider, foreignRequests()).isEmpty(),
                    widening.getKey() + " went unnoticed");
            assertEquals(
                    List.of(),
                    allowed(wider, foreignRequests()),
                    widening.getKey() + ": the role's tag conditions hold");
        }
    }

    /** A session policy that narrows nothing: what a session without its policy could do. */
    static final JsonNode NO_SESSION_POLICY = json("""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""");

    @Test
    void theRoleAloneKeepsEachHomeInItsLane() {
        assertEquals(
                List.of(),
                refused(NO_SESSION_POLICY, ownRequests()),
                "the tagged role grants the home its own resources");
        assertEquals(List.of(), allowed(NO_SESSION_POLICY, foreignRequests()), "and nothing of another home's");
    }

    @Test
    void anAssumptionWithoutTheHomeTagGetsNothing() {
        List<String> untaggedAllowed = ownRequests().stream()
                .filter(r -> PolicyEvaluator.allowedForSession(rolePolicies, NO_SESSION_POLICY, r))
                .map(Object::toString)
                .toList();
        assertEquals(List.of(), untaggedAllowed);
        Map<String, List<String>> notAHome = Map.of(PRINCIPAL_TAG, List.of("*"));
        assertFalse(
                PolicyEvaluator.allowedForSession(
                        rolePolicies,
                        NO_SESSION_POLICY,
                        new Request(
                                "sqs:ReceiveMessage",
                                "arn:aws:sqs:" + REGION + ":" + ACCOUNT + ":test-relay-*",
                                notAHome)),
                "a tag value is a literal, never a wildcard, and must look like a home id");
    }

    @Test
    void theTrustPolicyLetsOnlyTheRelayApiAssumeTheRoleAndOnlyWithAHomeTag() {
        JsonNode trust =
                connectorRole(template).path("AssumeRolePolicyDocument").path("Statement");
        assertEquals(1, trust.size(), trust.toString());
        JsonNode statement = trust.get(0);
        List<String> actions = new ArrayList<>();
        statement.path("Action").forEach(a -> actions.add(a.asText()));
        assertEquals(List.of("sts:AssumeRole", "sts:TagSession"), actions);
        assertTrue(statement.path("Principal").path("AWS").toString().contains("RelayApiRole"), statement.toString());
        JsonNode condition = statement.path("Condition");
        assertEquals(
                "home-?*",
                condition.path("StringLike").path("aws:RequestTag/home").asText());
        assertEquals(
                "[\"home\"]",
                condition.path("ForAllValues:StringEquals").path("aws:TagKeys").toString());
    }

    @Test
    void everyWideningOfTheRolePolicyIsCaughtByTheSessionPolicy() {
        Map<String, UnaryOperator<String>> widenings = Map.of(
                "role grants every relay queue", p -> p.replace("relay-${aws:PrincipalTag/home}", "relay-*"),
                "role grants every home's replies", p -> p.replace("${aws:PrincipalTag/home}#*", "*"));
        for (var widening : widenings.entrySet()) {
            List<JsonNode> wider = rolePolicies.stream()
                    .map(p -> json(widening.getValue().apply(p.toString())))
                    .toList();
            assertFalse(
                    wider.toString().equals(rolePolicies.toString()), widening.getKey() + " found nothing to widen");
            assertFalse(
                    allowed(wider, NO_SESSION_POLICY, foreignRequests()).isEmpty(),
                    widening.getKey() + " changed nothing");
            assertEquals(
                    List.of(),
                    allowed(wider, sessionPolicyA, foreignRequests()),
                    widening.getKey() + ": the session policy holds");
        }
    }

    @Test
    void theEvaluatorRefusesWhatItCannotJudge() {
        JsonNode unknown = json("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:*","Resource":"*",
                "Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}]}""");
        assertThrows(
                UnsupportedOperationException.class,
                () -> PolicyEvaluator.evaluate(unknown, new Request("sqs:ReceiveMessage", queueArn(HOME_A))));
        JsonNode arn = json("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:*","Resource":"*",
                "Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:sqs:*"}}}]}""");
        assertThrows(
                UnsupportedOperationException.class,
                () -> PolicyEvaluator.evaluate(
                        arn,
                        new Request("sqs:ReceiveMessage", queueArn(HOME_A), Map.of("aws:SourceArn", List.of("x")))));
        JsonNode both = json("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:*","NotAction":"sqs:SendMessage","Resource":"*"}]}""");
        assertThrows(
                IllegalArgumentException.class,
                () -> PolicyEvaluator.evaluate(both, new Request("sqs:ReceiveMessage", "x")));
        JsonNode old = json("""
                {"Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""");
        assertThrows(
                IllegalArgumentException.class,
                () -> PolicyEvaluator.evaluate(old, new Request("sqs:ReceiveMessage", "x")));
        // ForAllValues over an absent key is true in AWS; the connector's PutItem always carries its key.
        assertTrue(PolicyEvaluator.holds("ForAllValues:StringLike", null, List.of("a#*")));
        assertFalse(PolicyEvaluator.holds("ForAnyValue:StringLike", null, List.of("a#*")));
        assertFalse(PolicyEvaluator.holds("StringLike", null, List.of("a#*")));
        assertTrue(PolicyEvaluator.holds("StringLikeIfExists", null, List.of("a#*")));
    }

    // --- what the connector does, and what it must not be able to do

    /** Every call the connector makes with its relay credentials (RelayQueueWorker, ReplyWriter). */
    static List<Request> ownRequests() {
        List<Request> own = new ArrayList<>();
        for (String action : List.of(
                "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes")) {
            own.add(new Request(action, queueArn(HOME_A)));
        }
        // Claims and replies alike are rows keyed by the reply table's key of this home.
        own.add(new Request(
                "dynamodb:PutItem", tableArn(Tables.REPLIES), leadingKeys(ReplyTable.key(HOME_A, REQUEST))));
        return own;
    }

    static List<Request> foreignRequests() {
        List<Request> foreign = new ArrayList<>();
        for (String action : List.of(
                "sqs:ReceiveMessage",
                "sqs:DeleteMessage",
                "sqs:ChangeMessageVisibility",
                "sqs:GetQueueAttributes",
                "sqs:PurgeQueue",
                "sqs:SendMessage")) {
            foreign.add(new Request(action, queueArn(HOME_B)));
        }
        // Homes never send into queues, not even their own: only the skills do.
        foreign.add(new Request("sqs:SendMessage", queueArn(HOME_A)));
        foreign.add(
                new Request("sqs:ReceiveMessage", "arn:aws:sqs:" + REGION + ":" + ACCOUNT + ":other-relay-" + HOME_A));
        foreign.add(new Request(
                "dynamodb:PutItem", tableArn(Tables.REPLIES), leadingKeys(ReplyTable.key(HOME_B, REQUEST))));
        // Reading replies is the skills' business, even one's own; so is any other table.
        foreign.add(new Request(
                "dynamodb:GetItem", tableArn(Tables.REPLIES), leadingKeys(ReplyTable.key(HOME_A, REQUEST))));
        foreign.add(
                new Request("dynamodb:Query", tableArn(Tables.REPLIES), leadingKeys(ReplyTable.key(HOME_B, REQUEST))));
        foreign.add(new Request(
                "dynamodb:UpdateItem", tableArn(Tables.REPLIES), leadingKeys(ReplyTable.key(HOME_B, REQUEST))));
        foreign.add(new Request("dynamodb:PutItem", tableArn(Tables.HOMES), leadingKeys(HOME_A)));
        foreign.add(
                new Request("dynamodb:PutItem", tableArn(Tables.LINKS), leadingKeys(ReplyTable.key(HOME_A, REQUEST))));
        return foreign;
    }

    // --- evaluation

    /** Requests of home A's session: every one carries the session tag AssumeRole set. */
    private static List<String> refused(JsonNode session, List<Request> requests) {
        return requests.stream()
                .map(ConnectorIsolationTest::ofHomeA)
                .filter(r -> !PolicyEvaluator.allowedForSession(rolePolicies, session, r))
                .map(Object::toString)
                .toList();
    }

    private static List<String> allowed(JsonNode session, List<Request> requests) {
        return allowed(rolePolicies, session, requests);
    }

    private static List<String> allowed(List<JsonNode> role, JsonNode session, List<Request> requests) {
        return requests.stream()
                .map(ConnectorIsolationTest::ofHomeA)
                .filter(r -> PolicyEvaluator.allowedForSession(role, session, r))
                .map(Object::toString)
                .toList();
    }

    /** The role as it was before it was scoped by home: every relay queue, every reply key. */
    private static List<JsonNode> unscoped(List<JsonNode> role) {
        return role.stream()
                .map(p -> json(p.toString()
                        .replace("relay-${aws:PrincipalTag/home}", "relay-home-*")
                        .replace("${aws:PrincipalTag/home}#*", "*")))
                .toList();
    }

    private static Request ofHomeA(Request request) {
        Map<String, List<String>> context = new java.util.HashMap<>(request.context());
        context.put(PRINCIPAL_TAG, List.of(HOME_A));
        return new Request(request.action(), request.resource(), context);
    }

    // --- the connector role's policies, from the template, with CloudFormation's functions resolved

    /** The connector role's properties in the template. */
    static JsonNode connectorRole(JsonNode template) {
        return template.path("Resources").path(connectorRoleId(template)).path("Properties");
    }

    private static String connectorRoleId(JsonNode template) {
        JsonNode resources = template.path("Resources");
        String roleId = null;
        for (Iterator<String> ids = resources.fieldNames(); ids.hasNext(); ) {
            String id = ids.next();
            if (id.matches("RelayConnectorRole[0-9A-F]{8}")
                    && "AWS::IAM::Role".equals(resources.path(id).path("Type").asText())) {
                roleId = id;
            }
        }
        assertTrue(roleId != null, "no connector role in the template");
        return roleId;
    }

    static List<JsonNode> connectorRolePolicies(JsonNode template) {
        JsonNode resources = template.path("Resources");
        String roleId = connectorRoleId(template);
        JsonNode role = resources.path(roleId).path("Properties");
        assertTrue(role.path("ManagedPolicyArns").isMissingNode(), "managed policies cannot be evaluated here");
        List<JsonNode> policies = new ArrayList<>();
        role.path("Policies").forEach(p -> policies.add(resolve(p.path("PolicyDocument"), resources)));
        // Every way CloudFormation attaches a policy to a role: a grant this misses would go unjudged.
        for (Iterator<String> ids = resources.fieldNames(); ids.hasNext(); ) {
            JsonNode resource = resources.path(ids.next());
            JsonNode properties = resource.path("Properties");
            boolean attached = switch (resource.path("Type").asText()) {
                case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy" -> refersTo(properties.path("Roles"), roleId);
                case "AWS::IAM::RolePolicy" ->
                    roleId.equals(properties.path("RoleName").path("Ref").asText());
                default -> false;
            };
            if (attached) {
                policies.add(resolve(properties.path("PolicyDocument"), resources));
            }
        }
        assertFalse(policies.isEmpty(), "the connector role has no policy");
        return policies;
    }

    private static boolean refersTo(JsonNode roles, String roleId) {
        for (JsonNode role : roles) {
            if (roleId.equals(role.path("Ref").asText())) {
                return true;
            }
        }
        return false;
    }

    /** Ref to pseudo parameters, Fn::Join and Fn::GetAtt of a table's Arn; anything else fails the test. */
    static JsonNode resolve(JsonNode node, JsonNode resources) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node.isArray()) {
            ArrayNode out = f.arrayNode();
            node.forEach(n -> out.add(resolve(n, resources)));
            return out;
        }
        if (!node.isObject()) {
            return node;
        }
        if (node.has("Ref")) {
            return f.textNode(
                    switch (node.path("Ref").asText()) {
                        case "AWS::Partition" -> "aws";
                        case "AWS::Region" -> REGION;
                        case "AWS::AccountId" -> ACCOUNT;
                        case "AWS::URLSuffix" -> "amazonaws.com";
                        default -> throw new AssertionError("cannot resolve " + node);
                    });
        }
        if (node.has("Fn::Join")) {
            StringBuilder joined = new StringBuilder();
            JsonNode parts = node.path("Fn::Join").get(1);
            for (int i = 0; i < parts.size(); i++) {
                joined.append(i == 0 ? "" : node.path("Fn::Join").get(0).asText())
                        .append(resolve(parts.get(i), resources).asText());
            }
            return f.textNode(joined.toString());
        }
        if (node.has("Fn::GetAtt")) {
            JsonNode target = resources.path(node.path("Fn::GetAtt").get(0).asText());
            if ("AWS::DynamoDB::Table".equals(target.path("Type").asText())
                    && "Arn".equals(node.path("Fn::GetAtt").get(1).asText())) {
                return f.textNode("arn:aws:dynamodb:" + REGION + ":" + ACCOUNT + ":table/"
                        + target.path("Properties").path("TableName").asText());
            }
            throw new AssertionError("cannot resolve " + node);
        }
        ObjectNode out = f.objectNode();
        node.fields().forEachRemaining(e -> out.set(e.getKey(), resolve(e.getValue(), resources)));
        return out;
    }

    // --- helpers

    static Home home(String instanceId) {
        return new Home(
                instanceId,
                "Test",
                "https://sqs." + REGION + ".amazonaws.com/" + ACCOUNT + "/" + TABLES.queueName(instanceId),
                Instant.now(),
                "online",
                true,
                null,
                null);
    }

    static String queueArn(String instanceId) {
        return "arn:aws:sqs:" + REGION + ":" + ACCOUNT + ":" + TABLES.queueName(instanceId);
    }

    static String tableArn(Tables.Spec spec) {
        return "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT + ":table/" + TABLES.name(spec);
    }

    static Map<String, List<String>> leadingKeys(String key) {
        return Map.of("dynamodb:LeadingKeys", List.of(key));
    }

    private static JsonNode widen(JsonNode policy, UnaryOperator<JsonNode> change) {
        return change.apply(policy.deepCopy());
    }

    private static JsonNode statement(JsonNode policy, String sid) {
        for (JsonNode s : policy.path("Statement")) {
            if (sid.equals(s.path("Sid").asText())) {
                return s;
            }
        }
        throw new AssertionError("no statement " + sid);
    }

    private static JsonNode setResource(JsonNode policy, String sid, String resource) {
        ((ObjectNode) statement(policy, sid)).put("Resource", resource);
        return policy;
    }

    private static JsonNode setLeadingKeys(JsonNode policy, String pattern) {
        ((ObjectNode) statement(policy, "OwnReplies").path("Condition").path("ForAllValues:StringLike"))
                .putArray("dynamodb:LeadingKeys")
                .add(pattern);
        return policy;
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
