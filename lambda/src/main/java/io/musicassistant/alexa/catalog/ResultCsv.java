package io.musicassistant.alexa.catalog;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Athena's CSV results: every value in double quotes (quotes inside doubled), SQL NULL as an
 * empty unquoted field, values may span lines. Returns null cells for NULL, "" for empty strings.
 */
final class ResultCsv {

    private final Reader in;
    private int peeked = -2;

    ResultCsv(Reader in) {
        this.in = in;
    }

    /** The next row's cells, or null at the end. */
    List<String> next() throws IOException {
        if (peek() < 0) {
            return null;
        }
        List<String> cells = new ArrayList<>();
        while (true) {
            cells.add(cell());
            int c = read();
            if (c == ',') {
                continue;
            }
            if (c == '\r' && peek() == '\n') {
                read();
            }
            return cells;
        }
    }

    private String cell() throws IOException {
        if (peek() != '"') {
            StringBuilder raw = new StringBuilder();
            while (peek() >= 0 && peek() != ',' && peek() != '\n' && peek() != '\r') {
                raw.append((char) read());
            }
            return raw.isEmpty() ? null : raw.toString();
        }
        read();
        StringBuilder value = new StringBuilder();
        while (true) {
            int c = read();
            if (c < 0) {
                throw new IOException("unterminated quoted value in Athena's result");
            }
            if (c == '"') {
                if (peek() == '"') {
                    read();
                    value.append('"');
                    continue;
                }
                return value.toString();
            }
            value.append((char) c);
        }
    }

    private int peek() throws IOException {
        if (peeked == -2) {
            peeked = in.read();
        }
        return peeked;
    }

    private int read() throws IOException {
        int c = peek();
        peeked = -2;
        return c;
    }
}
