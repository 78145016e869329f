package io.musicassistant.alexa.deploy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.musicassistant.alexa.stack.AlexaRegion;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What earlier runs of one stage created, so that a run updates instead of creating again: the two
 * skill ids and, per AWS region deployed, the stack's outputs (in the order the regions were first
 * deployed). Kept in {@code .deploy/<stage>.json}; it holds no secret.
 *
 * @param musicSkillId the music skill, or null before it exists
 * @param controlSkillId the control skill, or null before it exists
 * @param regions AWS region → its stack's outputs
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DeployState(String musicSkillId, String controlSkillId, Map<String, StackOutputs> regions) {

    DeployState {
        regions = regions == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(regions));
    }

    static DeployState empty() {
        return new DeployState(null, null, Map.of());
    }

    String skillId(Skill skill) {
        return switch (skill) {
            case MUSIC -> musicSkillId;
            case CONTROL -> controlSkillId;
        };
    }

    DeployState withSkillId(Skill skill, String id) {
        return switch (skill) {
            case MUSIC -> new DeployState(id, controlSkillId, regions);
            case CONTROL -> new DeployState(musicSkillId, id, regions);
        };
    }

    /** A region's new outputs; a region deployed before keeps its place in the order. */
    DeployState withStack(AlexaRegion region, StackOutputs outputs) {
        Map<String, StackOutputs> next = new LinkedHashMap<>(regions);
        next.put(region.awsRegion(), outputs);
        return new DeployState(musicSkillId, controlSkillId, next);
    }
}
