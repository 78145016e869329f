package io.musicassistant.alexa.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a "where is …" table from a module README: the markdown table under a {@code ### heading},
 * first column the key (a directive, intent, command or route, in backticks or not), second column the
 * class that handles it. A module's test compares it with what its registries really hold, so the table
 * cannot drift from the code.
 */
public final class WhereIs {

    private WhereIs() {}

    /** Key → class name (as written, backticks removed) of the table under {@code ### heading}. */
    public static Map<String, String> table(Path readme, String heading) {
        List<String> lines;
        try {
            lines = Files.readAllLines(readme);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int at = lines.indexOf("### " + heading);
        if (at < 0) {
            throw new AssertionError(readme + " has no heading '### " + heading + "'");
        }
        Map<String, String> rows = new LinkedHashMap<>();
        for (int i = at + 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("#")) {
                break;
            }
            if (!line.startsWith("|") || line.matches("\\|[\\s:|-]+\\|?")) {
                continue;
            }
            String[] cells = line.substring(1).split("\\|");
            if (cells.length < 2) {
                continue;
            }
            String key = clean(cells[0]);
            String handler = clean(cells[1]);
            if (rows.isEmpty() && isHeader(lines, i)) {
                continue;
            }
            if (rows.putIfAbsent(key, handler) != null) {
                throw new AssertionError(readme + " lists '" + key + "' twice under '" + heading + "'");
            }
        }
        if (rows.isEmpty()) {
            throw new AssertionError(readme + " has an empty table under '" + heading + "'");
        }
        return rows;
    }

    private static boolean isHeader(List<String> lines, int i) {
        return i + 1 < lines.size() && lines.get(i + 1).strip().matches("\\|[\\s:|-]+\\|?");
    }

    private static String clean(String cell) {
        return cell.strip().replace("`", "");
    }
}
