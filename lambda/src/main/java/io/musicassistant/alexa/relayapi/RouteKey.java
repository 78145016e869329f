package io.musicassistant.alexa.relayapi;

import java.util.regex.Pattern;

/**
 * What one relay API route answers: an HTTP method and a path template, written as in
 * docs/relay-protocol.md ({@code POST /v1/homes/{id}/heartbeat}). {@code {id}} stands for a home's id:
 * 1 to 64 characters other than '/' (whether it is a well-formed id is the route's business).
 */
public record RouteKey(String method, String path) {

    static final String ID = "{id}";

    public static RouteKey post(String path) {
        return new RouteKey("POST", path);
    }

    public static RouteKey delete(String path) {
        return new RouteKey("DELETE", path);
    }

    /** The paths this template matches; its one group, if any, is the home's id. */
    Pattern pattern() {
        int at = path.indexOf(ID);
        return at < 0
                ? Pattern.compile(Pattern.quote(path))
                : Pattern.compile(Pattern.quote(path.substring(0, at)) + "([^/]{1,64})"
                        + Pattern.quote(path.substring(at + ID.length())));
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
