package io.musicassistant.alexa.control.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Intent;
import com.amazon.ask.model.IntentRequest;
import com.amazon.ask.model.RequestEnvelope;
import io.musicassistant.alexa.alexa.AlexaJson;
import io.musicassistant.alexa.control.voice.handlers.VoiceIntentHandlers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every intent of every interaction model under skill-package/control (the AMAZON built-ins they
 * list included) has exactly one handler, and no handler claims an intent that no model declares.
 */
class VoiceIntentCoverageTest {

    static final Path MODELS = Path.of("../skill-package/control/interactionModels/custom");
    /** Intents a handler may claim although no model declares them: none. */
    static final Set<String> UNDECLARED_ON_PURPOSE = Set.of();

    /** Built per test, not in a static initialiser, so that a refused duplicate fails with its own message. */
    static VoiceIntentRegistry registry() {
        return VoiceIntentHandlers.registry(null, null, null, null);
    }

    /** Model file → the intents it declares. */
    static Map<String, Set<String>> modelIntents() throws IOException {
        Map<String, Set<String>> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(MODELS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                Set<String> intents = new TreeSet<>();
                AlexaJson.mapper()
                        .readTree(Files.readString(file))
                        .path("interactionModel")
                        .path("languageModel")
                        .path("intents")
                        .forEach(i -> intents.add(i.path("name").asText()));
                out.put(file.getFileName().toString(), intents);
            }
        }
        assertFalse(out.isEmpty(), "no interaction models under " + MODELS);
        return out;
    }

    /** Intent → every registered handler that declares it, counted over the handlers themselves, not the registry's map. */
    static Map<String, List<String>> claims(VoiceIntentRegistry registry) {
        Map<String, List<String>> out = new TreeMap<>();
        for (VoiceIntentHandler handler : registry.handlers()) {
            handler.intents()
                    .forEach(i -> out.computeIfAbsent(i, k -> new ArrayList<>())
                            .add(handler.getClass().getSimpleName()));
        }
        return out;
    }

    @Test
    void everyIntentOfEveryModelHasExactlyOneHandler() throws IOException {
        Map<String, List<String>> claims = claims(registry());
        modelIntents().forEach((model, intents) -> {
            for (String intent : intents) {
                assertEquals(
                        1,
                        claims.getOrDefault(intent, List.of()).size(),
                        model + ": " + intent + " is handled by " + claims.getOrDefault(intent, List.of()));
            }
        });
    }

    @Test
    void noHandlerClaimsAnIntentNoModelDeclares() throws IOException {
        Set<String> declared = new TreeSet<>(UNDECLARED_ON_PURPOSE);
        modelIntents().values().forEach(declared::addAll);
        claims(registry())
                .forEach((intent, handlers) -> assertTrue(
                        declared.contains(intent),
                        intent + " is handled by " + handlers + " but declared by no interaction model"));
    }

    @Test
    void eachHandlerAnswersTheIntentsItDeclaresAndNoOther() {
        VoiceIntentRegistry registry = registry();
        registry.byIntent().forEach((intent, handler) -> assertTrue(handler.canHandle(input(intent)), intent));
        for (VoiceIntentHandler handler : registry.handlers()) {
            assertFalse(
                    handler.canHandle(input("NoSuchIntent")), handler.getClass().getSimpleName());
        }
    }

    private static HandlerInput input(String intent) {
        return HandlerInput.builder()
                .withRequestEnvelope(RequestEnvelope.builder()
                        .withRequest(IntentRequest.builder()
                                .withIntent(Intent.builder().withName(intent).build())
                                .build())
                        .build())
                .build();
    }

    @Test
    void theRegistryRefusesASecondHandlerForAnIntent() {
        VoiceIntentHandler second = new VoiceIntentHandler("PauseIntent") {
            @Override
            public Speech answer(Turn turn, Intent intent) {
                return null;
            }
        };
        IllegalStateException refused =
                assertThrows(IllegalStateException.class, () -> registry().register(second));
        assertTrue(refused.getMessage().contains("PauseIntent"), refused.getMessage());
    }
}
