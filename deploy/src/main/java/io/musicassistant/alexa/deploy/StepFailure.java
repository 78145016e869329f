package io.musicassistant.alexa.deploy;

import java.util.List;

/**
 * A step that cannot go on. Everything in it is already redacted: the command as displayed, and
 * the child's last lines.
 *
 * @see Progress#report(StepFailure)
 */
final class StepFailure extends Exception {

    private final String command;
    private final Integer exitCode;
    private final List<String> tail;

    StepFailure(String message, String command, Integer exitCode, List<String> tail) {
        super(message);
        this.command = command;
        this.exitCode = exitCode;
        this.tail = List.copyOf(tail);
    }

    StepFailure(String message) {
        this(message, null, null, List.of());
    }

    String command() {
        return command;
    }

    Integer exitCode() {
        return exitCode;
    }

    List<String> tail() {
        return tail;
    }
}
