package io.musicassistant.alexa.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.local.ChaosContract.Expect;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One fault case's record: every answer against what the contract expected, and Music Assistant's
 * own record of the commands it received (none twice, none after its deadline, every one answered
 * ok received); then the case's printed result.
 */
final class ChaosRecord {

    /** The current case's answers and the problems found beyond them. */
    final List<Chaos.Answer> answers = new ArrayList<>();

    final List<String> problems = new ArrayList<>();
    private final ChaosTarget target;

    ChaosRecord(ChaosTarget target) {
        this.target = target;
    }

    void answered(Chaos.Answer answer, Expect expect) {
        answers.add(answer);
        if (answer.ms() > Chaos.BUDGET_MS) {
            problems.add(answer.what() + " answered after " + answer.ms() + " ms");
        }
        if (!expect.of(answer.kind()).contains(answer.outcome())) {
            problems.add(answer.what() + " answered " + answer.outcome() + ", expected " + expect.name() + " "
                    + expect.of(answer.kind()));
        }
    }

    /** No SetVolume ran twice or after its deadline; one answered ok ran exactly once. */
    void checkCommands(long sinceMs) {
        var record = target.maCommands(sinceMs);
        for (Chaos.Answer a : answers) {
            if (a.marker() == 0) {
                continue;
            }
            int runs = 0;
            for (JsonNode c : record) {
                if (isVolumeSet(c, a.marker())) {
                    runs++;
                    long late =
                            c.path("at_ms").asLong() - (a.sentMs() + target.relayTimeoutMs() + Chaos.DEADLINE_SLACK_MS);
                    if (late > 0) {
                        problems.add(a.what() + " reached Music Assistant " + late + " ms after its deadline");
                    }
                }
            }
            if (runs > 1) {
                problems.add(a.what() + " ran " + runs + " times");
            }
            if (a.outcome().equals("ok") && runs == 0) {
                problems.add(a.what() + " answered ok but never reached Music Assistant");
            }
        }
    }

    int volumeSets(long sinceMs, int marker) {
        int n = 0;
        for (JsonNode c : target.maCommands(sinceMs)) {
            if (isVolumeSet(c, marker)) {
                n++;
            }
        }
        return n;
    }

    private static boolean isVolumeSet(JsonNode command, int marker) {
        return command.path("command").asText().equals(Chaos.VOLUME_SET)
                && command.path("args").path("player_id").asText().equals(Chaos.PLAYER)
                && command.path("args").path("volume_level").asInt(-1) == marker;
    }

    Chaos.Result judge(String name, long tookMs) {
        long worst = answers.stream().mapToLong(Chaos.Answer::ms).max().orElse(0);
        Set<String> errors = new TreeSet<>();
        answers.stream().map(Chaos.Answer::outcome).filter(o -> !o.equals("ok")).forEach(errors::add);
        return new Chaos.Result(
                name, answers.size(), worst, errors, problems.isEmpty(), String.join("; ", problems), tookMs);
    }
}
