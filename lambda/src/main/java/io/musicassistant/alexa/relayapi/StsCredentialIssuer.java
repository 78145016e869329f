package io.musicassistant.alexa.relayapi;

import io.musicassistant.alexa.platform.Tables;
import io.musicassistant.alexa.relay.Home;
import io.musicassistant.alexa.relay.protocol.api.RelayAccess;
import java.net.URI;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.Tag;

/**
 * AWS issuer: assumes the connector role with an inline session policy that narrows it to this
 * home's queue and to writing reply rows whose key starts with this home's id (PutItem only: the
 * connector writes replies and claims, it never reads or updates rows), and with the session tag
 * {@code home = <instance id>}. The role's own policy (infrastructure/) allows the same actions only
 * on the queue and reply keys named by that tag ({@code aws:PrincipalTag/home}), so each of the two
 * isolates one home from another on its own: defence in depth (docs/security.md).
 */
public final class StsCredentialIssuer implements CredentialIssuer {

    static final int SESSION_SECONDS = 3600;
    /** The session tag the role's policy scopes every grant by; infrastructure's RelayEndpoint names the same key. */
    public static final String HOME_TAG = "home";

    private final StsClient sts;
    private final String roleArn;
    private final String region;
    private final String replyTable;
    private final Tables tables;

    public StsCredentialIssuer(StsClient sts, String roleArn, String region, Tables tables) {
        if (roleArn == null || roleArn.isBlank()) {
            throw new IllegalArgumentException("CONNECTOR_ROLE_ARN must be set when RELAY_MODE=aws");
        }
        this.sts = sts;
        this.roleArn = roleArn;
        this.region = region;
        this.replyTable = tables.name(Tables.REPLIES);
        this.tables = tables;
    }

    @Override
    public RelayAccess issue(Home home) {
        String policy = sessionPolicy(home);
        AssumeRoleResponse response = sts.assumeRole(b -> b.roleArn(roleArn)
                .roleSessionName(home.instanceId())
                .durationSeconds(SESSION_SECONDS)
                .policy(policy)
                .tags(Tag.builder().key(HOME_TAG).value(home.instanceId()).build()));
        Credentials c = response.credentials();
        return new RelayAccess(
                RelayAccess.MODE_AWS,
                region,
                home.queueUrl(),
                replyTable,
                null,
                null,
                c.accessKeyId(),
                c.secretAccessKey(),
                c.sessionToken(),
                c.expiration().toEpochMilli());
    }

    /** The inline session policy for one home; tests evaluate it against the connector role's own. */
    public String sessionPolicy(Home home) {
        String account = accountOf(home.queueUrl());
        String partition = partitionOf(region);
        String queueArn =
                "arn:" + partition + ":sqs:" + region + ":" + account + ":" + tables.queueName(home.instanceId());
        String tableArn = "arn:" + partition + ":dynamodb:" + region + ":" + account + ":table/" + replyTable;
        return """
                {"Version":"2012-10-17","Statement":[\
                {"Sid":"OwnQueue","Effect":"Allow",\
                "Action":["sqs:ReceiveMessage","sqs:DeleteMessage","sqs:ChangeMessageVisibility","sqs:GetQueueAttributes"],\
                "Resource":"%s"},\
                {"Sid":"OwnReplies","Effect":"Allow",\
                "Action":["dynamodb:PutItem"],\
                "Resource":"%s",\
                "Condition":{"ForAllValues:StringLike":{"dynamodb:LeadingKeys":["%s#*"]}}}]}""".formatted(queueArn, tableArn, home.instanceId());
    }

    /** AWS partitions: China and GovCloud regions have their own ARN prefixes. */
    static String partitionOf(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }

    /** SQS queue URLs are {@code https://sqs.<region>.amazonaws.com/<account>/<name>}. */
    static String accountOf(String queueUrl) {
        String[] path = URI.create(queueUrl).getPath().split("/");
        if (path.length < 3 || !path[1].matches("\\d{12}")) {
            throw new IllegalStateException("queue URL has no account id");
        }
        return path[1];
    }
}
