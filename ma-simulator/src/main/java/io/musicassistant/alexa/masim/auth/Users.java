package io.musicassistant.alexa.masim.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The fixed set of users the simulator knows. */
public final class Users {

    public static final User ADMIN = new User(
            "0b9f6c2ad4e34f58a1c7e2d9b8f3a6c1",
            "admin",
            Role.ADMIN,
            true,
            Instant.parse("2026-01-05T19:22:10.412345Z"),
            "Administrator",
            null,
            List.of(),
            List.of());

    /** The account the Alexa bridge uses: role user, as the spec recommends (§10.12). */
    public static final User ALEXA_BRIDGE = new User(
            "8d2f0c6e1a7b4d3c9e5f1a2b3c4d5e6f",
            "alexa-bridge",
            Role.USER,
            true,
            Instant.parse("2026-05-01T09:12:44.123456Z"),
            "Alexa bridge",
            null,
            List.of(),
            List.of());

    /** A guest limited to two players, to exercise player_filter. */
    public static final User KIDS_ROOM = new User(
            "5e1c9a7f3b2d4e608c4a1f7b9d2e3c5a",
            "kids-room",
            Role.GUEST,
            true,
            Instant.parse("2026-06-20T16:03:51.000871Z"),
            "Kids' room",
            null,
            List.of(),
            List.of("ap7a3c91d0e2f4", "RINCON_48A6B8C1D2E301400"));

    private static final List<User> ALL = List.of(ADMIN, ALEXA_BRIDGE, KIDS_ROOM);

    private Users() {}

    public static List<User> all() {
        return ALL;
    }

    public static Optional<User> byId(String userId) {
        return ALL.stream().filter(u -> u.userId().equals(userId)).findFirst();
    }

    public static Optional<User> byUsername(String username) {
        return ALL.stream().filter(u -> u.username().equals(username)).findFirst();
    }
}
