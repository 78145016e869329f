package io.musicassistant.alexa.control.smarthome;

import java.util.Map;

/**
 * Answers a smart-home directive with an ErrorResponse: {@code Alexa.ErrorResponse} (or
 * {@code Alexa.Authorization.ErrorResponse} for AcceptGrant) with {@code {type, message, …}}.
 * The message goes to Amazon's logs, not to the user; Alexa speaks per type.
 */
public final class SmartHomeException extends RuntimeException {

    public static final String ENDPOINT_UNREACHABLE = "ENDPOINT_UNREACHABLE";
    public static final String NO_SUCH_ENDPOINT = "NO_SUCH_ENDPOINT";
    public static final String BRIDGE_UNREACHABLE = "BRIDGE_UNREACHABLE";
    public static final String INVALID_DIRECTIVE = "INVALID_DIRECTIVE";
    public static final String INVALID_VALUE = "INVALID_VALUE";
    public static final String VALUE_OUT_OF_RANGE = "VALUE_OUT_OF_RANGE";
    public static final String INVALID_AUTHORIZATION_CREDENTIAL = "INVALID_AUTHORIZATION_CREDENTIAL";
    public static final String EXPIRED_AUTHORIZATION_CREDENTIAL = "EXPIRED_AUTHORIZATION_CREDENTIAL";
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";
    public static final String NOT_SUPPORTED_IN_CURRENT_MODE = "NOT_SUPPORTED_IN_CURRENT_MODE";
    public static final String ACCEPT_GRANT_FAILED = "ACCEPT_GRANT_FAILED";

    private final String namespace;
    private final String type;
    private final Map<String, Object> extra;

    public SmartHomeException(String type, String message) {
        this("Alexa", type, message, Map.of());
    }

    public SmartHomeException(String namespace, String type, String message, Map<String, Object> extra) {
        super(message, null, false, false);
        this.namespace = namespace;
        this.type = type;
        this.extra = Map.copyOf(extra);
    }

    public static SmartHomeException outOfRange(String message, int min, int max) {
        return new SmartHomeException(
                "Alexa",
                VALUE_OUT_OF_RANGE,
                message,
                Map.of("validRange", Map.of("minimumValue", min, "maximumValue", max)));
    }

    public String namespace() {
        return namespace;
    }

    public String type() {
        return type;
    }

    public Map<String, Object> extra() {
        return extra;
    }
}
