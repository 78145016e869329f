package io.musicassistant.alexa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.musicassistant.alexa.architecture.WhereIs;
import io.musicassistant.alexa.relayapi.RelayApi;
import io.musicassistant.alexa.testing.CloudFixture;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The "where is …" tables of lambda/README.md hold exactly what the registries hold: key → handler class. */
class WhereIsTablesTest {

    private static final Path README = Path.of("README.md");

    @Test
    void musicDirectives() {
        Map<String, String> registered = new TreeMap<>();
        CloudFixture.create()
                .wiring
                .musicSkill()
                .registry()
                .handlers()
                .forEach((name, handler) -> registered.put(
                        name.namespace() + " " + name.name(), handler.getClass().getSimpleName()));
        assertEquals(registered, new TreeMap<>(WhereIs.table(README, "Music directives")));
    }

    @Test
    void relayApiRoutes() {
        Map<String, String> routes = new TreeMap<>();
        new RelayApi(null, null, null, null, null, null, null, null, null)
                .routes()
                .routes()
                .forEach((key, route) ->
                        routes.put(key.toString(), route.getClass().getSimpleName()));
        assertEquals(routes, new TreeMap<>(WhereIs.table(README, "Relay API routes")));
    }
}
