package io.musicassistant.alexa.connector.echo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.musicassistant.alexa.log.JsonLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Where the Echo names come from (docs/echo-players.md, "Names on the status page"): the setting
 * ({@code ECHO_PLAYERS}, the add-on's {@code echo_players}) when it names any, and then the page
 * only shows them, since the Supervisor would overwrite options the page changed; otherwise the
 * names the user added on the status page, kept in {@code echo-players.json} in the state directory.
 *
 * @param initial the names at start
 * @param file where the page's names are kept; null when the setting names the Echos
 */
public record EchoNames(List<String> initial, Path file) {

    private static final JsonLog LOG = JsonLog.get(EchoNames.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String FILE = "echo-players.json";

    public EchoNames {
        initial = List.copyOf(initial);
    }

    /** The setting's names, fixed (tests, and a connector whose setting names Echos). */
    public static EchoNames fixed(EchoSettings setting) {
        return new EchoNames(setting.names(), null);
    }

    /** The setting when it names any Echo, else the names the status page kept (none at first). */
    public static EchoNames open(Path stateDir, EchoSettings setting) {
        if (!setting.names().isEmpty()) {
            return fixed(setting);
        }
        Path file = stateDir.resolve(FILE);
        if (!Files.exists(file)) {
            return new EchoNames(List.of(), file);
        }
        List<String> names;
        try {
            names = JSON.readValue(file.toFile(), new TypeReference<List<String>>() {});
        } catch (JsonProcessingException e) {
            return invalid(file, "not a JSON list of names");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (names == null || names.contains(null)) {
            return invalid(file, "not a JSON list of names");
        }
        EchoSettings.Problem problem = EchoSettings.problem(names);
        return problem != null ? invalid(file, problem.message()) : new EchoNames(names, file);
    }

    /** A hand-edited file: the page shows none, and the next change writes a valid one; the connector starts. */
    private static EchoNames invalid(Path file, String problem) {
        LOG.warn("echo.names_file_invalid", "file", file.toString(), "problem", problem);
        return new EchoNames(List.of(), file);
    }

    /** Whether the status page may change the names. */
    public boolean editable() {
        return file != null;
    }

    /** Keeps the names for the next start: written beside, then moved over (a crash leaves the old file or the new). */
    void save(List<String> names) {
        Path temp = file.resolveSibling(FILE + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            JSON.writeValue(temp.toFile(), names);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
