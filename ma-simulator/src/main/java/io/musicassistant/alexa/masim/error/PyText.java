package io.musicassistant.alexa.masim.error;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Renders values the way Python's {@code str()}/{@code repr()} would, for faithful error texts. */
public final class PyText {

    private PyText() {}

    /** {@code repr(str)}: single quotes, unless the text contains a single but no double quote. */
    public static String repr(String text) {
        boolean useDouble = text.contains("'") && !text.contains("\"");
        char quote = useDouble ? '"' : '\'';
        StringBuilder out = new StringBuilder(text.length() + 2).append(quote);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c == quote) {
                        out.append('\\');
                    }
                    out.append(c);
                }
            }
        }
        return out.append(quote).toString();
    }

    /** {@code str(value)} of a decoded JSON value (strings unquoted at the top level). */
    public static String str(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "None";
        }
        if (value.isTextual()) {
            return value.asText();
        }
        return reprValue(value);
    }

    /** {@code type(value)} as Python prints it. */
    public static String typeOf(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "<class 'NoneType'>";
        }
        if (value.isTextual()) {
            return "<class 'str'>";
        }
        if (value.isBoolean()) {
            return "<class 'bool'>";
        }
        if (value.isIntegralNumber()) {
            return "<class 'int'>";
        }
        if (value.isNumber()) {
            return "<class 'float'>";
        }
        if (value.isArray()) {
            return "<class 'list'>";
        }
        return "<class 'dict'>";
    }

    private static String reprValue(JsonNode value) {
        if (value == null || value.isNull()) {
            return "None";
        }
        if (value.isTextual()) {
            return repr(value.asText());
        }
        if (value.isBoolean()) {
            return value.asBoolean() ? "True" : "False";
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        if (value.isNumber()) {
            double d = value.asDouble();
            return d == Math.rint(d) && !Double.isInfinite(d) ? String.valueOf(d) : Double.toString(d);
        }
        StringBuilder out = new StringBuilder();
        if (value.isArray()) {
            out.append('[');
            for (int i = 0; i < value.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(reprValue(value.get(i)));
            }
            return out.append(']').toString();
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            out.append(first ? "" : ", ")
                    .append(repr(field.getKey()))
                    .append(": ")
                    .append(reprValue(field.getValue()));
            first = false;
        }
        return out.append('}').toString();
    }
}
