package io.musicassistant.alexa.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.musicassistant.alexa.architecture.WhereIs;
import io.musicassistant.alexa.testing.CloudFixture;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** lambda/README.md's "where is …" tables of the control skill list exactly what its registries hold. */
class ControlWhereIsTest {

    static final Path README = Path.of("README.md");

    static ControlSkill skill() {
        return CloudFixture.create().wiring.controlSkill();
    }

    @Test
    void theSmartHomeDirectivesTableIsTheRegistry() {
        Map<String, String> registered = new TreeMap<>();
        skill().smartHome()
                .registry()
                .byDirective()
                .forEach((directive, handler) -> registered.put(
                        directive.namespace() + " " + directive.name(),
                        handler.getClass().getSimpleName()));
        assertEquals(
                registered,
                new TreeMap<>(WhereIs.table(README, "Smart-home directives")),
                "expected: what the registry holds; actual: lambda/README.md's table");
    }

    @Test
    void theVoiceIntentsTableIsTheRegistry() {
        Map<String, String> registered = new TreeMap<>();
        skill().voice()
                .registry()
                .byIntent()
                .forEach((intent, handler) ->
                        registered.put(intent, handler.getClass().getSimpleName()));
        assertEquals(
                registered,
                new TreeMap<>(WhereIs.table(README, "Voice intents")),
                "expected: what the registry holds; actual: lambda/README.md's table");
    }
}
