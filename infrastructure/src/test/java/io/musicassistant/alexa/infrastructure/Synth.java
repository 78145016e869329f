package io.musicassistant.alexa.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

/** Synthesises the stack without an AWS account; a small stand-in file plays the Lambda jar (it is only hashed and copied). */
final class Synth {

    static final String MUSIC_SKILL = "amzn1.ask.skill.11111111-2222-3333-4444-555555555555";
    static final String CONTROL_SKILL = "amzn1.ask.skill.66666666-7777-8888-9999-000000000000";
    static final String LWA_CLIENT = "amzn1.application-oa2-client.0123456789abcdef";

    private Synth() {}

    static Settings settings(String region, String musicSkill, String controlSkill, String alexaClient, String email) {
        return new Settings(
                "Test", region, "test-", LWA_CLIENT, musicSkill, controlSkill, alexaClient, email, null, jar(), 30);
    }

    static Settings full() {
        return settings(
                "eu-west-1", MUSIC_SKILL, CONTROL_SKILL, "amzn1.application-oa2-client.messaging", "ops@example.org");
    }

    static Template template(Settings settings) {
        App app = new App();
        return Template.fromStack(new MusicAssistantAlexaStack(
                app,
                settings.stackName(),
                StackProps.builder()
                        .env(Environment.builder().region(settings.region()).build())
                        .build(),
                settings));
    }

    private static String jar() {
        try {
            Path jar = Files.createTempFile("ma-alexa-lambda", ".jar");
            Files.write(jar, new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
            jar.toFile().deleteOnExit();
            return jar.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
