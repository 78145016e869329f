package io.musicassistant.alexa.masim.auth;

import java.time.Instant;
import java.util.List;

/** MA's {@code User}; an empty {@code playerFilter} means "all players". */
public record User(
        String userId,
        String username,
        Role role,
        boolean enabled,
        Instant createdAt,
        String displayName,
        String avatarUrl,
        List<String> providerFilter,
        List<String> playerFilter) {

    public User {
        providerFilter = List.copyOf(providerFilter);
        playerFilter = List.copyOf(playerFilter);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean mayUsePlayer(String playerId) {
        return playerFilter.isEmpty() || playerFilter.contains(playerId);
    }
}
