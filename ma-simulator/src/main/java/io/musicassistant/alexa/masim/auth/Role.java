package io.musicassistant.alexa.masim.auth;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * MA's user roles with the scope sets newest servers grant them
 * ({@code helpers/auth_middleware.py}); stable servers only distinguish admin from the rest.
 */
public enum Role {
    ADMIN(Set.of("*")),
    GUEST(Set.of(
            "library.read",
            "players.read",
            "players.control",
            "queues.read",
            "queues.control",
            "providers.read",
            "config.players.read")),
    USER(union(
            GUEST.scopes,
            Set.of("library.write", "config.providers.read", "config.core.read", "users.invite", "system.read"))),
    SERVICE(union(USER.scopes, Set.of("config.players.write", "users.impersonate")));

    private final Set<String> scopes;

    Role(Set<String> scopes) {
        this.scopes = scopes;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean grants(String scope) {
        return scopes.contains("*") || scopes.contains(scope);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
