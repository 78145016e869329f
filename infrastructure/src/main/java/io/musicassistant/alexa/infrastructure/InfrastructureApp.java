package io.musicassistant.alexa.infrastructure;

import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;

/** The CDK app: {@code cdk synth} runs this (infrastructure/cdk.json). */
public final class InfrastructureApp {

    private InfrastructureApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        String prefix = String.valueOf(app.getNode().tryGetContext("tablePrefix") == null ? "ma-alexa-"
                : app.getNode().tryGetContext("tablePrefix"));
        new MusicAssistantAlexaStack(app, "MusicAssistantAlexa", StackProps.builder()
                .description("Music Assistant for Alexa: the cloud side of one deployment").build(), prefix);
        app.synth();
    }
}
