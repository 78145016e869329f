package io.musicassistant.alexa.dev;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which skill stages the developer enabled for their own account, and how often (SMAPI's {@code /v1/…/enablement}). */
final class SmapiEnablements {

    private final Object lock = new Object();
    private final Set<String> enabled = new HashSet<>();
    private final Map<String, Integer> enablements = new HashMap<>();

    /**
     * {@code PUT|DELETE /v1/skills/{skillId}/stages/{stage}/enablement}: enabling a skill stage for the
     * developer's own account. The catalog build cycles the development stage's enablement after an
     * upload (observed on live skills: an upload can unbind a development skill until then); the
     * stand-in only counts the cycles.
     */
    SmapiAnswer handle(String method, List<String> path) throws SmapiRefusal {
        if (path.size() != 6
                || !path.get(1).equals("skills")
                || !path.get(3).equals("stages")
                || !path.get(5).equals("enablement")
                || !(path.get(4).equals("development") || path.get(4).equals("live"))) {
            throw new SmapiRefusal(404, SmapiErrors.error("NOT_FOUND", "No such resource: /" + String.join("/", path)));
        }
        String key = path.get(2) + "/" + path.get(4);
        synchronized (lock) {
            switch (method) {
                case "PUT" -> {
                    enabled.add(key);
                    enablements.merge(key, 1, Integer::sum);
                    return new SmapiAnswer(204, "");
                }
                case "DELETE" -> {
                    if (!enabled.remove(key)) {
                        throw new SmapiRefusal(404, SmapiErrors.error("NOT_FOUND", "The skill stage is not enabled."));
                    }
                    return new SmapiAnswer(204, "");
                }
                case "GET" -> {
                    if (!enabled.contains(key)) {
                        throw new SmapiRefusal(404, SmapiErrors.error("NOT_FOUND", "The skill stage is not enabled."));
                    }
                    return new SmapiAnswer(
                            200, SmallHttp.JSON.createObjectNode().put("status", "ENABLED"));
                }
                default -> throw new SmapiRefusal(405, SmapiErrors.error("METHOD_NOT_ALLOWED", method));
            }
        }
    }

    /** How often the developer enabled this skill's stage ({@code development}), for tests. */
    int count(String skillId, String stage) {
        synchronized (lock) {
            return enablements.getOrDefault(skillId + "/" + stage, 0);
        }
    }

    /** Marks the stage enabled, as the skill's developer testing it would have. */
    void enable(String skillId, String stage) {
        synchronized (lock) {
            enabled.add(skillId + "/" + stage);
        }
    }
}
