package io.musicassistant.alexa.masim.api;

import io.musicassistant.alexa.masim.auth.User;

/** One invocation: the arguments and the authenticated user (null for unauthenticated commands). */
public record Call(Args args, User user) {

    public String username() {
        return user == null ? null : user.username();
    }
}
