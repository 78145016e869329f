package io.musicassistant.alexa.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.alexa.AlexaException;
import io.musicassistant.alexa.alexa.AlexaJson;
import io.musicassistant.alexa.alexa.SkillLifecycle;
import io.musicassistant.alexa.control.smarthome.SmartHomeEvents;
import io.musicassistant.alexa.control.smarthome.SmartHomeException;
import io.musicassistant.alexa.control.smarthome.SmartHomeSkill;
import io.musicassistant.alexa.control.voice.VoiceSkill;

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
            // Only a smart-home directive carries a correlation token: what could be read of one is answered with it.
            return AlexaJson.write(SmartHomeEvents.error(SmartHomeSkill.correlationToken(input),
                    new SmartHomeException(SmartHomeException.INVALID_DIRECTIVE, e.error().message())));
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
        return AlexaJson.write(SmartHomeEvents.error((String) null,
                new SmartHomeException(SmartHomeException.INVALID_DIRECTIVE, "neither a smart-home directive nor a skill request")));
    }
}
