package io.musicassistant.alexa.log;

import java.util.Collection;
import java.util.Map;

/** Minimal JSON writing for log lines; values that are not numbers, booleans, maps or lists become strings. */
final class Json {

    private Json() {}

    static void value(StringBuilder out, Object value) {
        switch (value) {
            case null -> out.append("null");
            case Boolean b -> out.append(b);
            case Integer i -> out.append(i);
            case Long l -> out.append(l);
            case Double d when Double.isFinite(d) -> out.append(d);
            case Float f when Float.isFinite(f) -> out.append(f);
            case Map<?, ?> map -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    String key = String.valueOf(e.getKey());
                    string(out, key);
                    out.append(':');
                    value(out, Redaction.redact(key, e.getValue()));
                }
                out.append('}');
            }
            case Collection<?> list -> {
                out.append('[');
                boolean first = true;
                for (Object item : list) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    value(out, item);
                }
                out.append(']');
            }
            default -> string(out, Redaction.scrub(String.valueOf(value)));
        }
    }

    static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
