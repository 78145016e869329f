package io.musicassistant.alexa.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the demo says to the skills and what they answer, as numbered steps, keeping every answer
 * that was not the one expected as a failure. The parts of the conversation (the music skill, the
 * control skill, the catalogs) share one, so that the steps are numbered through and the demo fails
 * on any part's failure.
 */
final class Transcript {

    private final SkillClient skill;
    private final PrintStream out;
    private final boolean json;
    private final List<String> failures = new ArrayList<>();
    private int step;

    Transcript(SkillClient skill, PrintStream out, boolean json) {
        this.skill = skill;
        this.out = out;
        this.json = json;
    }

    PrintStream out() {
        return out;
    }

    List<String> failures() {
        return failures;
    }

    /** Starts a step that is not a directive (the Echo's fetch, a build, a change in Music Assistant). */
    int nextStep() {
        return ++step;
    }

    void fail(String failure) {
        failures.add(failure);
    }

    void failStep(String failure) {
        failures.add("step " + step + ": " + failure);
    }

    JsonNode say(String utterance, ObjectNode directive, String expected) {
        step++;
        out.printf("%n%2d. %s%n", step, utterance);
        out.println("    → " + Describe.request(directive));
        if (json) {
            out.println(indent(directive.toPrettyString()));
        }
        long started = System.nanoTime();
        JsonNode answer = skill.send(directive);
        long ms = (System.nanoTime() - started) / 1_000_000;
        out.println("    ← " + Describe.answer(answer) + "   (" + ms + " ms)");
        if (json) {
            out.println(indent(answer.toPrettyString()));
        }
        String got = Conversation.outcome(answer);
        boolean ok = answer.has("response")
                ? got.toLowerCase(Locale.ROOT).contains(expected.toLowerCase(Locale.ROOT))
                : got.equals(expected);
        if (!ok) {
            failures.add("step " + step + " (" + utterance + "): expected " + expected + ", got " + got);
            out.println("    !! expected " + expected);
        }
        return answer;
    }

    void expectEqual(String what, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            failStep(what + ": expected " + expected + ", got " + actual);
            out.println("    !! " + what + ": expected " + expected + ", got " + actual);
        }
    }

    private static String indent(String text) {
        return "      " + text.replace("\n", "\n      ");
    }
}
