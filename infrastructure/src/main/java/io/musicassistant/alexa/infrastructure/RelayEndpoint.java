package io.musicassistant.alexa.infrastructure;

import io.musicassistant.alexa.platform.Tables;
import io.musicassistant.alexa.relayapi.StsCredentialIssuer;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpStageOptions;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.iam.ArnPrincipal;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

/**
 * The relay's AWS side. Queues are not resources of the stack: the relay API creates one per home
 * at registration ({@code <prefix>relay-home-…}), so the grants name that prefix, the one place a
 * wildcard is the specific answer. The connector role is what {@code StsCredentialIssuer} assumes,
 * always with the session tag {@code home = <instance id>} (the trust policy refuses an assumption
 * without it). The role's own policy grants only the queue and reply keys named by that tag, and the
 * session policy of each assumption narrows it to the same home again: either alone keeps one home
 * from another's queue and replies.
 */
final class RelayEndpoint extends Construct {

    /** Requests per second over all connectors; the relay API's own limits are per home and per IP. */
    static final int RATE_LIMIT = 50;

    static final int BURST_LIMIT = 100;
    /** The session tag StsCredentialIssuer sets on every assumption of the connector role. */
    static final String HOME_TAG = StsCredentialIssuer.HOME_TAG;

    static final String HOME_VARIABLE = "${aws:PrincipalTag/" + HOME_TAG + "}";
    static final String HOME_ID_PATTERN = "home-?*";

    private final HttpApi api;
    private final Role connectorRole;
    private final String queueArns;
    private final Secret deploymentKey;

    RelayEndpoint(Construct scope, String id, Settings settings, Storage storage, SkillFunction relayApi) {
        super(scope, id);
        queueArns = Stack.of(this)
                .formatArn(ArnComponents.builder()
                        .service("sqs")
                        .resource(new Tables(settings.tablePrefix()).queueName("home-") + "*")
                        .arnFormat(ArnFormat.NO_RESOURCE_NAME)
                        .build());
        api = HttpApi.Builder.create(this, "Api")
                .apiName(settings.tablePrefix() + "relay")
                .description("Relay API: connectors register, heartbeat, fetch credentials, pair and report")
                .createDefaultStage(false)
                .build();
        api.addRoutes(AddRoutesOptions.builder()
                .path("/v1/{proxy+}")
                .methods(List.of(HttpMethod.ANY))
                .integration(new HttpLambdaIntegration("Connectors", relayApi.alias()))
                .build());
        api.addStage(
                "Stage",
                HttpStageOptions.builder()
                        .stageName("$default")
                        .autoDeploy(true)
                        .throttle(ThrottleSettings.builder()
                                .rateLimit(RATE_LIMIT)
                                .burstLimit(BURST_LIMIT)
                                .build())
                        .build());
        relayApi.allow(List.of("sqs:CreateQueue", "sqs:TagQueue"), List.of(queueArns));

        connectorRole = Role.Builder.create(this, "ConnectorRole")
                .assumedBy(new ArnPrincipal(relayApi.role().getRoleArn())
                        .withConditions(Map.of(
                                "StringLike", Map.of("aws:RequestTag/" + HOME_TAG, HOME_ID_PATTERN),
                                "ForAllValues:StringEquals", Map.of("aws:TagKeys", List.of(HOME_TAG))))
                        .withSessionTags())
                .maxSessionDuration(Duration.hours(1))
                .description(
                        "Connectors' short-lived credentials; each assumption is tagged with and narrowed to one home")
                .build();
        // The tag names the home; a session whose tag is not a home id gets nothing.
        Map<String, Object> tagged = Map.of("StringLike", Map.of("aws:PrincipalTag/" + HOME_TAG, HOME_ID_PATTERN));
        connectorRole.addToPolicy(PolicyStatement.Builder.create()
                .actions(Access.CONNECTOR_QUEUE_ACTIONS)
                .resources(List.of(Stack.of(this)
                        .formatArn(ArnComponents.builder()
                                .service("sqs")
                                .resource(new Tables(settings.tablePrefix()).queueName(HOME_VARIABLE))
                                .arnFormat(ArnFormat.NO_RESOURCE_NAME)
                                .build())))
                .conditions(tagged)
                .build());
        connectorRole.addToPolicy(PolicyStatement.Builder.create()
                .actions(Access.CONNECTOR_REPLY_ACTIONS)
                .resources(List.of(storage.table(Tables.REPLIES).getTableArn()))
                .conditions(Map.of(
                        "StringLike", Map.of("aws:PrincipalTag/" + HOME_TAG, HOME_ID_PATTERN),
                        "ForAllValues:StringLike", Map.of("dynamodb:LeadingKeys", List.of(HOME_VARIABLE + "#*"))))
                .build());
        relayApi.allow(List.of("sts:AssumeRole", "sts:TagSession"), List.of(connectorRole.getRoleArn()));

        // Source addresses are logged and counted only as HMACs under this key, and unknown-home answers are
        // proven with it; generated inside Secrets Manager, and kept with the tables: a new key re-keys every
        // limit row and makes deleted homes unprovable to their connectors (docs/security.md).
        deploymentKey = Secret.Builder.create(this, "DeploymentKey")
                .secretName(settings.tablePrefix() + "deployment-key")
                .description("Per-deployment key: keyed hashes of source addresses, unknown-home proofs")
                .generateSecretString(SecretStringGenerator.builder()
                        .passwordLength(64)
                        .excludePunctuation(true)
                        .build())
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        relayApi.allow(List.of("secretsmanager:GetSecretValue"), List.of(deploymentKey.getSecretArn()));
        relayApi.function().addEnvironment("DEPLOYMENT_KEY_SECRET_ARN", deploymentKey.getSecretArn());
    }

    /** The skills send commands into homes' queues. */
    void allowSending(SkillFunction skill) {
        skill.allow(List.of("sqs:SendMessage"), List.of(queueArns));
    }

    HttpApi api() {
        return api;
    }

    Secret deploymentKey() {
        return deploymentKey;
    }

    Role connectorRole() {
        return connectorRole;
    }

    /** The URL connectors use ({@code RELAY_API_URL}); the $default stage has no path prefix. */
    String url() {
        return api.getApiEndpoint();
    }
}
