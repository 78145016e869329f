package io.musicassistant.alexa.masim.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.musicassistant.alexa.masim.auth.User;
import io.musicassistant.alexa.masim.auth.Users;

/** {@code info} (mass.py) and the read-only auth commands (controllers/webserver/auth.py). */
final class CoreCommands {

    private CoreCommands() {}

    static void register(CommandRegistry registry, Services services) {
        registry.register(
                "info",
                Access.user(null),
                call -> Reply.of(services.serverInfo().get()));
        registry.register(
                "auth/me", Access.user(null), call -> Reply.of(services.json().user(call.user())));
        // required_role="admin" on stable; a users.* scope on newest servers
        registry.register("auth/users", Access.admin("users.read"), call -> {
            ArrayNode users = JsonNodeFactory.instance.arrayNode();
            for (User user : Users.all()) {
                users.add(services.json().user(user));
            }
            return Reply.of(users);
        });
    }
}
