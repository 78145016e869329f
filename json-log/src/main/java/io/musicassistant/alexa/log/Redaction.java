package io.musicassistant.alexa.log;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of logs twice over: by the name of the field and by the shape of the value.
 * Login-with-Amazon tokens ({@code Atza|…}, {@code Atzr|…}), bearer headers and JWTs are recognised
 * wherever they appear, including inside exception messages.
 */
public final class Redaction {

    public static final String REDACTED = "[redacted]";

    private static final Set<String> SECRET_KEYS = Set.of(
            "token",
            "access_token",
            "accesstoken",
            "refresh_token",
            "refreshtoken",
            "secret",
            "instance_secret",
            "password",
            "authorization",
            "pairing_code",
            "code",
            "signature",
            "sig",
            "credentials",
            "secret_access_key",
            "session_token",
            "ma_token",
            "client_secret");

    private static final Pattern SECRET_VALUES = Pattern.compile("(Atz[a-z]\\|[A-Za-z0-9_\\-+/=|.]+)"
            + "|(mhs_[A-Za-z0-9_\\-]{16,})"
            + "|((?i:bearer)\\s+[A-Za-z0-9_\\-+/=|.~]+)"
            + "|(eyJ[A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+)"
            + "|((?i:access_token|sig|secret|token)=[^&\\s\"]+)");

    private Redaction() {}

    static Object redact(String key, Object value) {
        if (value == null) {
            return null;
        }
        if (SECRET_KEYS.contains(key.toLowerCase(Locale.ROOT))) {
            return REDACTED;
        }
        if (value instanceof CharSequence s) {
            return scrub(s.toString());
        }
        return value;
    }

    /** Replaces anything that looks like a credential inside free text. */
    public static String scrub(String text) {
        if (text == null) {
            return null;
        }
        return SECRET_VALUES.matcher(text).replaceAll(REDACTED);
    }
}
