package io.musicassistant.alexa.control;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.accounts.SkillLifecycle;
import io.musicassistant.alexa.alexa.AlexaException;
import io.musicassistant.alexa.alexa.AlexaJson;
import io.musicassistant.alexa.control.smarthome.SmartHomeEvents;
import io.musicassistant.alexa.control.smarthome.SmartHomeException;
import io.musicassistant.alexa.control.smarthome.SmartHomeSkill;
import io.musicassistant.alexa.control.voice.VoiceSkill;
import java.io.IOException;

/**
 * The control skill's one endpoint: a multi-capability skill sends its smart-home directives
 * ({@code {"directive": …}}) and its custom-model requests ({@code {"version", "session",
 * "request"}}) to the same Lambda, and its skill events too. Anything else is answered as a malformed smart-home directive.
 */
public final class ControlSkill {

    private final SmartHomeSkill smartHome;
    private final VoiceSkill voice;
    private final SkillLifecycle lifecycle;

    public ControlSkill(SmartHomeSkill smartHome, VoiceSkill voice, SkillLifecycle lifecycle) {
        this.smartHome = smartHome;
        this.voice = voice;
        this.lifecycle = lifecycle;
    }

    public SmartHomeSkill smartHome() {
        return smartHome;
    }

    public VoiceSkill voice() {
        return voice;
    }

    public byte[] handle(byte[] input) {
        JsonNode root;
        try {
            if (input == null || input.length > AlexaJson.MAX_REQUEST_BYTES) {
                throw AlexaException.invalidDirective("request too large");
            }
            root = AlexaJson.parse(input);
        } catch (AlexaException e) {
            if (looksLikeCustomRequest(input)) {
                return voice.handle(input); // refuses it as a custom-skill response, the envelope that request expects
            }
            // A smart-home directive carries a correlation token: what could be read of one is answered with it.
            return AlexaJson.write(SmartHomeEvents.error(
                    SmartHomeSkill.correlationToken(input),
                    new SmartHomeException(
                            SmartHomeException.INVALID_DIRECTIVE, e.error().message())));
        }
        if (root.has("directive")) {
            return smartHome.handle(root);
        }
        if (SkillLifecycle.isEvent(root)) {
            return lifecycle.handle(root, "control");
        }
        if (root.has("request")) {
            return voice.handle(input);
        }
        return AlexaJson.write(SmartHomeEvents.error(
                (String) null,
                new SmartHomeException(
                        SmartHomeException.INVALID_DIRECTIVE, "neither a smart-home directive nor a skill request")));
    }

    /**
     * Whether bytes that did not parse as a whole began as a custom-skill request: a top-level
     * {@code request} read before any {@code directive}.
     */
    private static boolean looksLikeCustomRequest(byte[] input) {
        if (input == null) {
            return false;
        }
        try (JsonParser parser = AlexaJson.mapper()
                .getFactory()
                .createParser(input, 0, Math.min(input.length, AlexaJson.MAX_REQUEST_BYTES))) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                if (field.equals("directive") || field.equals("request")) {
                    return field.equals("request");
                }
                parser.nextToken();
                parser.skipChildren();
            }
        } catch (IOException | RuntimeException e) {
            // Unreadable before either field: answered as a smart-home directive.
        }
        return false;
    }
}
