package io.musicassistant.alexa.masim.error;

/**
 * An error a command handler raises. It carries MA's numeric {@code error_code} and the raw text
 * the Python exception would have ({@code str(err)}).
 *
 * <p>{@code musicAssistantError} tells MA's own errors (which newest servers translate into a
 * generic sentence) from Python built-ins such as {@code KeyError} or {@code TypeError}, whose
 * text is always sent as is with code 999.
 */
public final class MaError extends RuntimeException {

    private final int code;
    private final boolean musicAssistantError;

    private MaError(int code, String text, boolean musicAssistantError) {
        super(text, null, false, false);
        this.code = code;
        this.musicAssistantError = musicAssistantError;
    }

    public int code() {
        return code;
    }

    public String text() {
        return getMessage();
    }

    public boolean isMusicAssistantError() {
        return musicAssistantError;
    }

    /** An MA error class (a {@code MusicAssistantError} subclass) with its code. */
    public static MaError of(int code, String text) {
        return new MaError(code, text, true);
    }

    /** Python's {@code KeyError(key)}: {@code str()} of it is the repr of the key. */
    public static MaError keyError(String key) {
        return new MaError(ErrorCode.GENERIC, PyText.repr(key), false);
    }

    /** Any other non-MA exception (TypeError, ValueError, IndexError…): code 999, text as is. */
    public static MaError builtin(String text) {
        return new MaError(ErrorCode.GENERIC, text, false);
    }

    /** The same error with another code, as MA does when it wraps into PlayerCommandFailed. */
    public MaError wrapped(int newCode) {
        return new MaError(newCode, getMessage(), true);
    }
}
