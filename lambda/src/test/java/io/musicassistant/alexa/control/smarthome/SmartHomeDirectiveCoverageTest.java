package io.musicassistant.alexa.control.smarthome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.musicassistant.alexa.alexa.DirectiveName;
import io.musicassistant.alexa.control.smarthome.capabilities.Capabilities;
import io.musicassistant.alexa.control.smarthome.capabilities.Capability;
import io.musicassistant.alexa.testing.CloudFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every directive of every interface discovery declares ({@link Capability#ALL}) has exactly one
 * handler, and every handler's directive belongs to a declared interface, or is one of the two
 * directives no endpoint declares: Alexa.Discovery Discover and Alexa.Authorization AcceptGrant.
 */
class SmartHomeDirectiveCoverageTest {

    static final Set<DirectiveName> NOT_ON_AN_ENDPOINT = Set.of(
            new DirectiveName("Alexa.Discovery", "Discover"), new DirectiveName("Alexa.Authorization", "AcceptGrant"));

    /** The wiring's registry, built per test, not in a static initialiser, so that a refused duplicate fails with its own message. */
    static SmartHomeDirectiveRegistry registry() {
        return CloudFixture.create().wiring.controlSkill().smartHome().registry();
    }

    /** Directive → every registered handler that declares it, counted over the handlers themselves, not the registry's map. */
    static Map<String, List<String>> claims(SmartHomeDirectiveRegistry registry) {
        Map<String, List<String>> out = new TreeMap<>();
        for (SmartHomeDirectiveHandler handler :
                Set.copyOf(registry.byDirective().values())) {
            handler.directives()
                    .forEach(d -> out.computeIfAbsent(d.toString(), k -> new ArrayList<>())
                            .add(handler.getClass().getSimpleName()));
        }
        return out;
    }

    static Set<String> declared() {
        Set<String> out = new TreeSet<>();
        for (Capability capability : Capabilities.ALL) {
            capability
                    .directives()
                    .forEach(name -> out.add(new DirectiveName(capability.namespace(), name).toString()));
        }
        return out;
    }

    @Test
    void everyDirectiveOfADeclaredInterfaceHasExactlyOneHandler() {
        Map<String, List<String>> claims = claims(registry());
        assertTrue(declared().size() >= 11, "the interfaces declare their directives: " + declared());
        for (String directive : declared()) {
            assertEquals(
                    1,
                    claims.getOrDefault(directive, List.of()).size(),
                    directive + " is handled by " + claims.getOrDefault(directive, List.of()));
        }
        NOT_ON_AN_ENDPOINT.forEach(d ->
                assertEquals(1, claims.getOrDefault(d.toString(), List.of()).size(), d.toString()));
    }

    @Test
    void everyHandledDirectiveBelongsToADeclaredInterface() {
        Set<String> allowed = new TreeSet<>(declared());
        NOT_ON_AN_ENDPOINT.forEach(d -> allowed.add(d.toString()));
        assertEquals(allowed, claims(registry()).keySet());
    }

    @Test
    void theRegistryRefusesASecondHandlerForADirective() {
        SmartHomeDirectiveHandler pause = new SmartHomeDirectiveHandler() {
            @Override
            public Set<DirectiveName> directives() {
                return Set.of(new DirectiveName("Alexa.PlaybackController", "Pause"));
            }

            @Override
            public Map<String, Object> handle(SmartHomeRequest request) {
                return Map.of();
            }
        };
        SmartHomeDirectiveRegistry registry = new SmartHomeDirectiveRegistry();
        registry().byDirective().values().stream().distinct().forEach(registry::register);
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> registry.register(pause));
        assertTrue(refused.getMessage().contains("Alexa.PlaybackController.Pause"), refused.getMessage());
    }
}
