package io.musicassistant.alexa.infrastructure;

import io.musicassistant.alexa.stack.StackRules;
import java.util.List;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.SecretValue;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

/**
 * The two secrets state reporting needs, kept out of the functions' environment (which the console
 * and the template show): the skill-messaging client secret, passed to the deploy as a NoEcho
 * parameter, and the seed of the key grants are sealed with, generated inside Secrets Manager so
 * that no person or log ever sees it. The seed is retained with the stack's tables: losing it
 * orphans every stored grant.
 */
final class ReportingSecrets extends Construct {

    private final Secret clientSecret;
    private final Secret grantKey;

    ReportingSecrets(Construct scope, String id, Settings settings) {
        super(scope, id);
        CfnParameter parameter = CfnParameter.Builder.create(scope, StackRules.ALEXA_CLIENT_SECRET_PARAMETER)
                .type("String")
                .noEcho(true)
                .minLength(1)
                .description(
                        "The control skill's Alexa Skill Messaging client secret (the deploy reads it through SMAPI)")
                .build();
        clientSecret = Secret.Builder.create(this, "SkillMessaging")
                .secretName(settings.tablePrefix() + "skill-messaging")
                .description("Alexa Skill Messaging client secret of the control skill")
                .secretStringValue(SecretValue.cfnParameter(parameter))
                .build();
        grantKey = Secret.Builder.create(this, "GrantKey")
                .secretName(settings.tablePrefix() + "grant-key")
                .description("Seed of the AES key that seals Alexa event-gateway grants")
                .generateSecretString(SecretStringGenerator.builder()
                        .passwordLength(64)
                        .excludePunctuation(true)
                        .build())
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
    }

    /** Lets a function read both, and nothing else in Secrets Manager. */
    void grantRead(SkillFunction function) {
        function.allow(
                List.of("secretsmanager:GetSecretValue"),
                List.of(clientSecret.getSecretArn(), grantKey.getSecretArn()));
    }

    String clientSecretArn() {
        return clientSecret.getSecretArn();
    }

    String grantKeyArn() {
        return grantKey.getSecretArn();
    }
}
