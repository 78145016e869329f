package io.musicassistant.alexa.relayapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The relay API's routes against the two other places that name them: the connector, which calls
 * them, and docs/relay-protocol.md, the contract. Every route one of them names has exactly one
 * route class, and the table holds no route neither names.
 */
class RouteTableTest {

    /** Calls in the connector's sources: {@code post("/v1/homes/" + instanceId + "/heartbeat", …)}. */
    private static final Pattern CONNECTOR_CALL = Pattern.compile(
            "\\b(post|delete|get|put)\\(\\s*\"(/v1/[^\"]*)\"(?:\\s*\\+\\s*\\w+\\s*\\+\\s*\"([^\"]*)\")?");
    /** A row of the route table in docs/relay-protocol.md: {@code | `POST /v1/homes/{id}/heartbeat` | …}. */
    private static final Pattern DOCUMENTED =
            Pattern.compile("^\\| `(GET|POST|PUT|DELETE) (/v1/[^`]*)` \\|", Pattern.MULTILINE);

    static RouteTable table() {
        return new RelayApi(null, null, null, null, null, null, null, null, null).routes();
    }

    static Set<String> keys() {
        Set<String> keys = new TreeSet<>();
        table().routes().keySet().forEach(k -> keys.add(k.toString()));
        return keys;
    }

    @Test
    void everyRouteTheConnectorCallsHasARoute() {
        Set<String> called = connectorCalls();
        assertTrue(called.size() >= 8, "the connector's calls were found: " + called);
        Set<String> missing = new TreeSet<>(called);
        missing.removeAll(keys());
        assertEquals(Set.of(), missing, "routes the connector calls that the relay API does not answer");
    }

    @Test
    void theRoutesAreExactlyTheDocumentedOnes() {
        Set<String> documented = new TreeSet<>();
        Matcher m = DOCUMENTED.matcher(read(Path.of("..", "docs", "relay-protocol.md")));
        while (m.find()) {
            documented.add(m.group(1) + " " + m.group(2));
        }
        assertEquals(documented, keys());
    }

    @Test
    void routesTheConnectorDoesNotCallAreTheAccountsOwn() {
        Set<String> notCalled = new TreeSet<>(keys());
        notCalled.removeAll(connectorCalls());
        assertEquals(Set.of("POST /v1/pairings", "DELETE /v1/pairings"), notCalled);
    }

    @Test
    void aSecondRouteForOneKeyIsRefused() {
        RouteTable table = new RouteTable().add(new PairingCodeRoute(null, null));
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> table.add(new PairingCodeRoute(null, null)));
        assertTrue(e.getMessage().contains("POST /v1/homes/{id}/pairing-code"), e.getMessage());
    }

    @Test
    void aPathFindsItsRouteAndId() {
        RouteTable table = table();
        assertEquals(
                new RouteTable.Match.WrongMethod(java.util.List.of("POST", "DELETE")),
                table.match("GET", "/v1/pairings"));
        assertEquals(new RouteTable.Match.NotFound(), table.match("POST", "/v1/homes/abc/nothing"));
        assertEquals(
                new RouteTable.Match.NotFound(), table.match("POST", "/v1/homes/" + "x".repeat(65) + "/heartbeat"));
        RouteTable.Match found = table.match("POST", "/v1/homes/abc/links/revoke");
        assertTrue(
                found instanceof RouteTable.Match.Found(RevokeLinkRoute r, String id) && id.equals("abc"),
                found.toString());
    }

    private static Set<String> connectorCalls() {
        Set<String> calls = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("..", "connector", "src", "main", "java"))) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                Matcher m = CONNECTOR_CALL.matcher(read(f));
                while (m.find()) {
                    calls.add(m.group(1).toUpperCase(java.util.Locale.ROOT) + " " + m.group(2)
                            + (m.group(3) == null ? "" : RouteKey.ID + m.group(3)));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return calls;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
