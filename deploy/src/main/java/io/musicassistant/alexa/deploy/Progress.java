package io.musicassistant.alexa.deploy;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * The run as the user reads it: numbered steps, every command echoed before it runs (redacted),
 * one result line per step, and on failure what failed and how to go on. Everything printed passes
 * the redactor.
 */
final class Progress {

    static final String DETAIL = "       ";

    private final PrintStream out;
    private final Redactor redactor;
    private final Runner runner;
    private final int total;
    private int current;
    private String title;

    Progress(PrintStream out, Redactor redactor, Runner runner, int total) {
        this.out = out;
        this.redactor = redactor;
        this.runner = runner;
        this.total = total;
    }

    void line(String text) {
        out.println(redactor.redact(text));
    }

    void step(int number, String stepTitle) {
        current = number;
        title = stepTitle;
        line("[" + number + "/" + total + "] " + stepTitle + " …");
    }

    void detail(String text) {
        line(DETAIL + text);
    }

    void ok(String text) {
        line(DETAIL + "✓ " + text);
    }

    void warn(String text) {
        line(DETAIL + "! " + text);
    }

    /** Echoes the command, runs it, and turns a non-zero exit into a {@link StepFailure}. */
    Runner.Result exec(Command command) throws StepFailure {
        detail("$ " + command.display(redactor));
        return runQuietly(command);
    }

    /** Runs a command without echoing it (a poll repeated after its first, echoed run). */
    Runner.Result runQuietly(Command command) throws StepFailure {
        String shown = command.display(redactor);
        Runner.Result result;
        try {
            result = runner.run(command);
        } catch (IOException e) {
            throw new StepFailure(
                    "could not start " + command.argv().getFirst() + ": " + e.getMessage(), shown, null, List.of());
        }
        if (!result.ok()) {
            throw new StepFailure("the command failed", shown, result.exitCode(), result.tail());
        }
        return result;
    }

    /** Prints a failed step: what, the command, its exit code, its last lines, and how to go on. */
    void report(StepFailure failure, String resume) {
        line("");
        line("✗ Step " + current + "/" + total + " failed: " + title);
        line("  " + failure.getMessage());
        if (failure.command() != null) {
            line("  command:   " + failure.command());
        }
        if (failure.exitCode() != null) {
            line("  exit code: " + failure.exitCode());
        }
        if (!failure.tail().isEmpty()) {
            line("  last lines of its output:");
            failure.tail().forEach(l -> line("    │ " + l));
        }
        line("  " + resume);
    }
}
