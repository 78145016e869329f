package io.musicassistant.alexa.masim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.musicassistant.alexa.masim.error.MaError;
import io.musicassistant.alexa.masim.error.PyText;
import io.musicassistant.alexa.masim.library.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A command's arguments, read the way MA's {@code parse_arguments} (helpers/api.py) reads them:
 * unknown keys are ignored, {@code null} means "use the default", a missing required value is a
 * {@code KeyError} and a value of the wrong type is a {@code TypeError} unless one of MA's
 * second-pass conversions applies (int↔float, numeric string → number, "true"/"1"/"on" → bool).
 * Optional ({@code X | None}) parameters swallow unparsable values as {@code None}, as MA does.
 *
 * <p>Handlers must read arguments in the order of MA's signature: MA reports the first failing
 * parameter.
 */
public final class Args {

    static final String STR = "<class 'str'>";
    static final String INT = "<class 'int'>";
    static final String BOOL = "<class 'bool'>";

    private final JsonNode args;

    public Args(JsonNode args) {
        this.args = args != null && args.isObject() ? args : MissingNode.getInstance();
    }

    /** The raw value, {@code null} when missing or JSON null. */
    public JsonNode raw(String name) {
        JsonNode value = args.get(name);
        return value == null || value.isNull() ? null : value;
    }

    /** {@code name: str} (required). */
    public String str(String name) {
        JsonNode value = raw(name);
        if (value == null) {
            throw required(name, STR);
        }
        if (!value.isTextual()) {
            throw invalid(name, value, STR);
        }
        return value.asText();
    }

    /** {@code name: str = fallback}. */
    public String str(String name, String fallback) {
        JsonNode value = raw(name);
        if (value == null) {
            return fallback;
        }
        if (!value.isTextual()) {
            throw invalid(name, value, STR);
        }
        return value.asText();
    }

    /** {@code name: str | None = None}: anything but a string reads as None. */
    public String optStr(String name) {
        JsonNode value = raw(name);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /** {@code name: int} (required). */
    public int integer(String name) {
        JsonNode value = raw(name);
        if (value == null) {
            throw required(name, INT);
        }
        return toInt(name, value);
    }

    /** {@code name: int = fallback}. */
    public int integer(String name, int fallback) {
        JsonNode value = raw(name);
        return value == null ? fallback : toInt(name, value);
    }

    /** {@code name: bool} (required). */
    public boolean bool(String name) {
        JsonNode value = raw(name);
        if (value == null) {
            throw required(name, BOOL);
        }
        return toBool(name, value);
    }

    /** {@code name: bool = fallback}. */
    public boolean bool(String name, boolean fallback) {
        JsonNode value = raw(name);
        return value == null ? fallback : toBool(name, value);
    }

    /** {@code name: bool | None = None}. */
    public Boolean optBool(String name) {
        JsonNode value = raw(name);
        return value != null && value.isBoolean() ? value.asBoolean() : null;
    }

    /**
     * A required enum. MA's enums turn unknown values into {@code unknown} instead of failing, so
     * only a missing value is an error.
     */
    public <E> E enumValue(String name, String enumName, Function<String, E> parser) {
        JsonNode value = raw(name);
        if (value == null) {
            throw required(name, "<enum '" + enumName + "'>");
        }
        return parser.apply(value.isTextual() ? value.asText() : "");
    }

    /** An optional enum ({@code E | None = None}). */
    public <E> E optEnum(String name, Function<String, E> parser) {
        JsonNode value = raw(name);
        return value == null ? null : parser.apply(value.isTextual() ? value.asText() : "");
    }

    /**
     * {@code list[MediaType]}: a list is parsed item by item; a plain string is iterated per
     * character by Python's {@code list(...)}, which yields only {@code unknown} types.
     */
    public List<MediaType> mediaTypes(String name, List<MediaType> fallback) {
        JsonNode value = raw(name);
        if (value == null) {
            return fallback;
        }
        List<MediaType> types = new ArrayList<>();
        if (value.isArray()) {
            for (JsonNode item : value) {
                if (!item.isNull()) {
                    types.add(MediaType.parse(item.isTextual() ? item.asText() : ""));
                }
            }
        } else if (value.isTextual()) {
            value.asText().chars().forEach(c -> types.add(MediaType.UNKNOWN));
        } else {
            throw invalid(name, value, "list[MediaType]");
        }
        return types;
    }

    /** {@code str | list[str] | None}. */
    public List<String> strOrList(String name) {
        JsonNode value = raw(name);
        if (value == null) {
            return null;
        }
        if (value.isTextual()) {
            return List.of(value.asText());
        }
        if (value.isArray()) {
            List<String> result = new ArrayList<>();
            for (JsonNode item : value) {
                if (!item.isTextual()) {
                    return null;
                }
                result.add(item.asText());
            }
            return result;
        }
        return null;
    }

    /** {@code int | list[int] | None}. */
    public List<Integer> intOrList(String name) {
        JsonNode value = raw(name);
        if (value == null) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return List.of(value.intValue());
        }
        if (value.isArray()) {
            List<Integer> result = new ArrayList<>();
            for (JsonNode item : value) {
                if (!item.isIntegralNumber()) {
                    return null;
                }
                result.add(item.intValue());
            }
            return result;
        }
        return null;
    }

    /** {@code int | str} (required): an int position or a string id. */
    public Object intOrStr(String name) {
        JsonNode value = raw(name);
        if (value == null || !(value.isIntegralNumber() || value.isTextual() || value.isBoolean())) {
            if (value != null && value.isFloatingPointNumber()) {
                return (int) value.doubleValue();
            }
            throw invalid(name, value, "int | str");
        }
        if (value.isTextual()) {
            return value.asText();
        }
        return value.isBoolean() ? (value.asBoolean() ? 1 : 0) : value.intValue();
    }

    private static int toInt(String name, JsonNode value) {
        if (value.isIntegralNumber()) {
            return value.intValue();
        }
        if (value.isBoolean()) {
            return value.asBoolean() ? 1 : 0;
        }
        if (value.isFloatingPointNumber()) {
            return (int) value.doubleValue();
        }
        if (value.isTextual()
                && !value.asText().isEmpty()
                && value.asText().chars().allMatch(Character::isDigit)) {
            try {
                return Integer.parseInt(value.asText());
            } catch (NumberFormatException tooLarge) {
                throw invalid(name, value, INT);
            }
        }
        throw invalid(name, value, INT);
    }

    private static boolean toBool(String name, JsonNode value) {
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isTextual()) {
            return switch (value.asText()) {
                case "true", "True", "1", "on", "ON" -> true;
                default -> false;
            };
        }
        if (value.isIntegralNumber()) {
            return value.asLong() == 1;
        }
        throw invalid(name, value, BOOL);
    }

    /** Python: {@code KeyError(f"`{name}` of type `{value_type}` is required.")}. */
    static MaError required(String name, String type) {
        return MaError.keyError("`" + name + "` of type `" + type + "` is required.");
    }

    /** Python: the TypeError parse_value raises when no conversion applies. */
    static MaError invalid(String name, JsonNode value, String type) {
        return MaError.builtin("Value " + PyText.str(value) + " of type " + PyText.typeOf(value) + " is invalid for "
                + name + ", expected value of type " + type);
    }
}
