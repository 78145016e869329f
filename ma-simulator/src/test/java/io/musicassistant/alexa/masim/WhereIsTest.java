package io.musicassistant.alexa.masim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.musicassistant.alexa.architecture.WhereIs;
import io.musicassistant.alexa.masim.api.Command;
import io.musicassistant.alexa.masim.api.CommandRegistry;
import io.musicassistant.alexa.masim.api.Services;
import io.musicassistant.alexa.masim.library.Library;
import io.musicassistant.alexa.masim.library.LibraryEditor;
import io.musicassistant.alexa.masim.models.ModelJson;
import io.musicassistant.alexa.masim.player.PlayerHub;
import io.musicassistant.alexa.masim.player.Playlog;
import io.musicassistant.alexa.masim.profile.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's "where is each command" table says where every command lives: each command of both
 * profiles matches a row (the first matching row is its row), the class the row names registered
 * it, and every class the table names exists.
 */
class WhereIsTest {

    private static final Path README = Path.of("README.md");
    private static final String HEADING = "Where is each command";
    private static final String ROOT = "io.musicassistant.alexa.masim.";

    @Test
    void everyCommandHasARowNamingTheClassThatRegistersIt() {
        Map<String, String> table = WhereIs.table(README, HEADING);
        TreeSet<String> problems = new TreeSet<>();
        for (Profile profile : Profile.values()) {
            for (Command command : registry(profile).commands()) {
                String row = table.keySet().stream()
                        .filter(key -> matches(key, command.name()))
                        .findFirst()
                        .orElse(null);
                if (row == null) {
                    problems.add(command.name() + ": no row");
                    continue;
                }
                String registeredBy = definingClass(command);
                if (!registeredBy.equals(table.get(row))) {
                    problems.add(command.name() + ": row '" + row + "' names " + table.get(row) + ", registered by "
                            + registeredBy);
                }
            }
        }
        assertEquals(new TreeSet<>(), problems);
    }

    @Test
    void everyClassTheTableNamesExists() throws IOException {
        List<String> lines = Files.readAllLines(README);
        int at = lines.indexOf("### " + HEADING);
        assertTrue(at >= 0, "README has no '### " + HEADING + "'");
        Pattern className = Pattern.compile("`((?:[a-z]+\\.)?[A-Z]\\w+)`");
        TreeSet<String> missing = new TreeSet<>();
        for (int i = at + 1; i < lines.size() && !lines.get(i).startsWith("#"); i++) {
            String[] cells = lines.get(i).split("\\|");
            for (int c = 2; c < cells.length; c++) {
                Matcher m = className.matcher(cells[c]);
                while (m.find()) {
                    String name = m.group(1).contains(".") ? m.group(1) : "api." + m.group(1);
                    try {
                        Class.forName(ROOT + name);
                    } catch (ClassNotFoundException e) {
                        missing.add(m.group(1));
                    }
                }
            }
        }
        assertEquals(new TreeSet<>(), missing);
    }

    /** A row's key: {@code *} stands for any text. */
    private static boolean matches(String key, String command) {
        String regex = String.join(
                ".*", List.of(key.split("\\*", -1)).stream().map(Pattern::quote).toList());
        return command.matches(regex);
    }

    /** The class whose code holds the handler (a lambda or method reference defined there). */
    private static String definingClass(Command command) {
        String name = command.handler().getClass().getName();
        int lambda = name.indexOf("$$");
        String outer = (lambda < 0 ? name : name.substring(0, lambda)).replaceAll("\\$.*", "");
        return outer.substring(outer.lastIndexOf('.') + 1);
    }

    private static CommandRegistry registry(Profile profile) {
        Clock clock = Clock.systemUTC();
        Library library = Library.fresh();
        Playlog playlog = new Playlog(library, clock);
        return CommandRegistry.create(new Services(
                profile,
                library,
                new LibraryEditor(library, clock),
                PlayerHub.seeded(library, clock, playlog),
                playlog,
                new ModelJson(profile, library, "http://127.0.0.1"),
                () -> null));
    }
}
