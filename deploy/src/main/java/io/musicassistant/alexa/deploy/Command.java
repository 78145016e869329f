package io.musicassistant.alexa.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One child process, as an argument list (no shell).
 *
 * @param argv the program and its arguments
 * @param cwd the working directory
 * @param env variables added to the inherited environment
 * @param output how its output is treated
 * @param local whether it needs no account (a build, {@code cdk synth}): a dry run with
 *     {@code --synth} runs these for real
 * @param dryRunOutput what a dry run pretends the command printed: placeholders that flow into the
 *     commands after it, exactly where the real values would
 */
record Command(
        List<String> argv, Path cwd, Map<String, String> env, Output output, boolean local, String dryRunOutput) {

    /** What happens to a child's output. */
    enum Output {
        /** Shown as it comes (redacted); a build or a stack deployment the user watches. */
        STREAM,
        /** Kept for parsing (SMAPI's JSON); its last lines are shown only if it fails. */
        CAPTURE,
        /** Kept for parsing; its stdout carries credentials and is never shown, only stderr's last lines on failure. */
        SECRET
    }

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./<>*-]+");

    Command {
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
    }

    /** The command as a shell user would type it, with every known secret masked. */
    String display(Redactor redactor) {
        String line = argv.stream().map(Command::quote).collect(Collectors.joining(" "));
        return redactor.redact(line);
    }

    private static String quote(String arg) {
        return PLAIN.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }
}
