package io.musicassistant.alexa.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.musicassistant.alexa.infrastructure.Settings;
import io.musicassistant.alexa.stack.ContextKey;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The context this tool passes is what the CDK app reads: each {@code --context} of a deploy is
 * handed to the app's own {@link Settings}, which must accept it, read every key given and end up
 * with the values given.
 */
class StackContextTest {

    @TempDir
    Path dir;

    @Test
    void theContextOfARealDeployIsReadWholeByTheApp() throws IOException {
        Fixture f = new Fixture(dir);
        f.env.put("ALARM_EMAIL", "alarms@example.com");
        f.env.put("FALLBACK_ART_URL", "https://art.example.com/fallback.png");

        assertEquals(Deploy.OK, f.run("--region", "eu-west-1", "--stage", "beta"), f.output());

        Map<ContextKey, String> context = context(command(f, "deploy"));
        Settings settings = readByTheApp(context);
        assertEquals("MusicAssistantAlexa-beta", settings.stackName());
        assertEquals("eu-west-1", settings.region());
        assertEquals("ma-alexa-beta-", settings.tablePrefix());
        assertEquals(Fixture.LWA_CLIENT_ID, settings.lwaClientId());
        assertEquals(RecordingRunner.MUSIC_ID, settings.musicSkillId());
        assertEquals(RecordingRunner.CONTROL_ID, settings.controlSkillId());
        assertEquals(RecordingRunner.MESSAGING_CLIENT_ID, settings.alexaClientId());
        assertEquals("alarms@example.com", settings.alarmEmail());
        assertEquals("https://art.example.com/fallback.png", settings.fallbackArtUrl());
    }

    @Test
    void theStandInsOfADryRunsSynthPassTheAppsChecks() throws IOException {
        Fixture f = new Fixture(dir);
        f.runner.overrides.put("synth", c -> RecordingRunner.ok(""));

        assertEquals(Deploy.OK, f.run("--dry-run", "--synth", "--region", "us-west-2"), f.output());

        Settings settings = readByTheApp(context(command(f, "synth")));
        assertEquals("us-west-2", settings.region());
        assertEquals("FE", settings.alexaRegion().name());
        assertTrue(settings.reportsState(), "the synth covers the reporting resources too");
    }

    @Test
    void theLocalStackContextIsReadWholeByTheApp() {
        Map<ContextKey, String> context = LocalStackDeploy.context("us-east-1");

        Settings settings = readByTheApp(context);

        assertEquals(LocalStackDeploy.STACK_NAME, settings.stackName());
        assertEquals(LocalStackDeploy.TABLE_PREFIX, settings.tablePrefix());
        assertNull(settings.alexaClientId());
    }

    /** The app's Settings from this context; fails unless it asked for every key given. */
    private static Settings readByTheApp(Map<ContextKey, String> context) {
        Set<ContextKey> read = EnumSet.noneOf(ContextKey.class);
        Settings settings = Settings.from(
                key -> {
                    read.add(key);
                    return context.get(key);
                },
                Map.of());
        assertTrue(
                read.containsAll(context.keySet()),
                "the app never reads "
                        + context.keySet().stream()
                                .filter(k -> !read.contains(k))
                                .toList());
        return settings;
    }

    /** The {@code --context key=value} pairs of a command; a key the app does not know fails here. */
    private static Map<ContextKey, String> context(Command command) {
        List<String> argv = command.argv();
        Map<ContextKey, String> context = new EnumMap<>(ContextKey.class);
        for (int i = argv.indexOf("--context"); i >= 0 && i < argv.size(); i += 2) {
            if (!argv.get(i).equals("--context")) {
                break;
            }
            String pair = argv.get(i + 1);
            String key = pair.substring(0, pair.indexOf('='));
            context.put(
                    ContextKey.ofKey(key).orElseThrow(() -> new AssertionError("no such context key: " + key)),
                    pair.substring(pair.indexOf('=') + 1));
        }
        assertTrue(!context.isEmpty(), "no --context in " + argv);
        return context;
    }

    private static Command command(Fixture f, String verb) {
        return f.runner.commands.stream()
                .filter(c -> c.argv().contains(verb))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no cdk " + verb + " in " + f.runner.verbs()));
    }
}
