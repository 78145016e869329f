package io.musicassistant.alexa.relayapi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every relay API route by its key ({@code POST /v1/homes/{id}/heartbeat}): the one place a route is
 * added and found. Two routes for one key are refused, so a route can never silently replace another.
 */
public final class RouteTable {

    private final Map<RouteKey, Route> routes = new LinkedHashMap<>();
    private final Map<String, Pattern> paths = new LinkedHashMap<>();

    /** What a request's method and path find. */
    sealed interface Match {
        /** @param instanceId the path's home id, or null for a route of no home */
        record Found(Route route, String instanceId) implements Match {}

        /** The path is a route's, the method none of its: the methods it takes, in the order they were added. */
        record WrongMethod(List<String> allowed) implements Match {}

        record NotFound() implements Match {}
    }

    public RouteTable add(Route route) {
        if (routes.putIfAbsent(route.key(), route) != null) {
            throw new IllegalStateException("two routes for " + route.key() + ": "
                    + routes.get(route.key()).getClass().getSimpleName() + " and "
                    + route.getClass().getSimpleName());
        }
        paths.computeIfAbsent(route.key().path(), p -> route.key().pattern());
        return this;
    }

    /** Every route by its key, in the order they were added. */
    public Map<RouteKey, Route> routes() {
        return Collections.unmodifiableMap(routes);
    }

    Match match(String method, String path) {
        for (var template : paths.entrySet()) {
            Matcher m = template.getValue().matcher(path);
            if (!m.matches()) {
                continue;
            }
            Route route = routes.get(new RouteKey(method, template.getKey()));
            if (route != null) {
                return new Match.Found(route, m.groupCount() == 0 ? null : m.group(1));
            }
            List<String> allowed = new ArrayList<>();
            routes.keySet().stream()
                    .filter(k -> k.path().equals(template.getKey()))
                    .forEach(k -> allowed.add(k.method()));
            return new Match.WrongMethod(allowed);
        }
        return new Match.NotFound();
    }

    /** The template a path matches ({@code /v1/homes/{id}/heartbeat}), for logs that never carry an id. */
    Optional<String> template(String path) {
        return paths.entrySet().stream()
                .filter(t -> t.getValue().matcher(path).matches())
                .map(Map.Entry::getKey)
                .findFirst();
    }
}
