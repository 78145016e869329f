package io.musicassistant.alexa.infrastructure;

import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/** The CDK app: {@code cdk synth} and {@code cdk deploy} run this (infrastructure/cdk.json). */
public final class InfrastructureApp {

    private InfrastructureApp() {}

    public static void main(String[] args) {
        App app = new App();
        Settings settings;
        try {
            settings = Settings.from(app.getNode(), System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("infrastructure: " + e.getMessage()
                    + " (pass it with --context key=value; see infrastructure/README.md)");
            System.exit(2);
            return;
        }
        new MusicAssistantAlexaStack(
                app,
                settings.stackName(),
                StackProps.builder()
                        .env(Environment.builder()
                                .account(System.getenv("CDK_DEFAULT_ACCOUNT"))
                                .region(settings.region())
                                .build())
                        .description("Music Assistant for Alexa: the cloud side of one deployment (" + settings.region()
                                + ")")
                        .build(),
                settings);
        app.synth();
    }
}
