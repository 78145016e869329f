package io.musicassistant.alexa.masim.api;

/**
 * Who may run a command. Stable servers only know {@code required_role="admin"}; newest servers
 * check a scope per command (spec §1.5 step 3). Each command carries both so either profile can
 * decide.
 */
public record Access(boolean authenticated, boolean adminOnly, String scope) {

    /** Any authenticated user; newest servers additionally require {@code scope} (may be null). */
    public static Access user(String scope) {
        return new Access(true, false, scope);
    }

    /** Admin only on stable servers; newest servers check {@code scope}. */
    public static Access admin(String scope) {
        return new Access(true, true, scope);
    }
}
