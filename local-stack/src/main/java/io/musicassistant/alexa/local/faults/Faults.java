package io.musicassistant.alexa.local.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.dev.DevServices;
import io.musicassistant.alexa.masim.MaSimulator;
import io.musicassistant.alexa.masim.server.ReceivedCommand;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The faults the local stack can inject ({@code scripts/local-up --faults}), by name, each with its
 * state; docs/fault-injection.md describes them and the HTTP interface {@link FaultRoutes} puts in
 * front of them. Two proxies ({@link WireFaults}) sit between the stack's AWS clients and the
 * emulators from the start (SQS: delayed or dropped relay deliveries; DynamoDB: throttling); the connector runs as a child
 * process so that it can be killed for real.
 */
public final class Faults implements AutoCloseable {

    /** A toggle stays on until cleared; an action happens once when set. */
    public enum Kind {
        TOGGLE,
        ACTION
    }

    /** Every fault, by its name in the interface. */
    public enum Fault {
        CONNECTOR_STOP(
                "connector-stop",
                Kind.TOGGLE,
                "connector stopped with SIGTERM (it tells the cloud); clearing starts it from its state directory"),
        CONNECTOR_KILL(
                "connector-kill",
                Kind.TOGGLE,
                "connector killed with SIGKILL (in-memory state lost, the cloud is not told); clearing starts it from its state directory"),
        CONNECTOR_RESTART(
                "connector-restart",
                Kind.ACTION,
                "SIGTERM then start again from the state directory; returns once the home is back online"),
        MA_DELAY(
                "ma-delay",
                Kind.TOGGLE,
                "Music Assistant answers every command (or only \"command\") after ms (default 1000)"),
        MA_DISCONNECT(
                "ma-disconnect",
                Kind.ACTION,
                "Music Assistant drops every WebSocket connection without a close frame (a crash); the connector reconnects"),
        MA_STOP("ma-stop", Kind.TOGGLE, "Music Assistant stopped: connections dropped and refused until cleared"),
        SQS_DELAY(
                "sqs-delay",
                Kind.TOGGLE,
                "relay-queue deliveries delayed by ms (whole seconds, SQS DelaySeconds; default 2000)"),
        SQS_DROP(
                "sqs-drop",
                Kind.TOGGLE,
                "relay-queue sends answered as sent but dropped, for a fraction of them (default 1.0)"),
        DYNAMODB_THROTTLE(
                "dynamodb-throttle",
                Kind.TOGGLE,
                "DynamoDB answers ProvisionedThroughputExceededException to a fraction of calls (default 0.3)"),
        LWA_SLOW("lwa-slow", Kind.TOGGLE, "Login with Amazon answers after ms (default 1000)"),
        LWA_FAIL("lwa-fail", Kind.TOGGLE, "Login with Amazon answers 500 server_error"),
        GATEWAY_FAIL("gateway-fail", Kind.TOGGLE, "the Alexa event gateway answers 503 to every event");

        private final String wireName;
        private final Kind kind;
        private final String description;

        Fault(String wireName, Kind kind, String description) {
            this.wireName = wireName;
            this.kind = kind;
            this.description = description;
        }

        public String wireName() {
            return wireName;
        }

        public Kind kind() {
            return kind;
        }

        public static Optional<Fault> byName(String name) {
            return Arrays.stream(values()).filter(f -> f.wireName.equals(name)).findFirst();
        }
    }

    /** What the faults act on besides the proxies: the stack's connector, as a unit. */
    public interface Connector {
        /** SIGTERM and wait until it ended. */
        void stop();

        /** SIGKILL and wait until it ended. */
        void kill();

        /** Start (unless running) and wait until the cloud sees this new process online. */
        void start();

        long pid();
    }

    private final DevServices services;
    private final WireFaults wire;
    private final Map<Fault, ObjectNode> active = new LinkedHashMap<>();
    private volatile MaSimulator ma;
    private volatile Connector connector;

    private Faults(DevServices services) throws IOException {
        this.services = services;
        this.wire = new WireFaults(services);
    }

    /** Starts the proxies in front of the emulators of {@code services}; nothing is faulty yet. */
    public static Faults start(DevServices services) {
        try {
            return new Faults(services);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fault proxies", e);
        }
    }

    /** The endpoint the stack's SQS clients (cloud and connector) use instead of ElasticMQ's. */
    public URI sqsEndpoint() {
        return wire.sqsEndpoint();
    }

    /** The endpoint the stack's DynamoDB clients use instead of Moto's. */
    public URI dynamoDbEndpoint() {
        return wire.dynamoDbEndpoint();
    }

    /** How many DynamoDB calls the throttle answered so far. */
    public long throttledCalls() {
        return wire.throttledCalls();
    }

    /** The parts that exist once the stack runs. */
    public void attach(MaSimulator simulator, Connector process) {
        this.ma = simulator;
        this.connector = process;
    }

    /** Every fault with its state, and the connector's current process id. */
    public synchronized ObjectNode list() {
        ObjectNode root = RelayJson.mapper().createObjectNode();
        ArrayNode faults = root.putArray("faults");
        for (Fault fault : Fault.values()) {
            ObjectNode f = faults.addObject()
                    .put("name", fault.wireName())
                    .put("kind", fault.kind().name().toLowerCase())
                    .put("active", active.containsKey(fault))
                    .put("description", fault.description);
            if (active.containsKey(fault)) {
                f.set("params", active.get(fault));
            }
        }
        Connector c = connector;
        root.put("connector_pid", c == null ? -1 : c.pid());
        return root;
    }

    /**
     * Sets ({@code "active": true}, the default) or clears ({@code false}) one fault; parameters
     * {@code ms} and {@code fraction} where the fault has them. Returns the fault's new state.
     */
    public synchronized ObjectNode set(Fault fault, JsonNode request) {
        boolean on = request.path("active").asBoolean(true);
        ObjectNode params = RelayJson.mapper().createObjectNode();
        switch (fault) {
            case CONNECTOR_STOP -> {
                if (on) {
                    connector().stop();
                } else {
                    connector().start();
                }
            }
            case CONNECTOR_KILL -> {
                if (on) {
                    connector().kill();
                } else {
                    connector().start();
                }
            }
            case CONNECTOR_RESTART -> {
                connector().stop();
                connector().start();
            }
            case MA_DELAY -> {
                long ms = millis(request, 1000, 60_000);
                // One command ("players/cmd/volume_set") or, without "command", every one.
                String command = request.path("command").asText("");
                ObjectNode previous = active.get(Fault.MA_DELAY);
                if (previous != null) {
                    delayMa(previous.path("command").asText(""), Duration.ZERO);
                }
                delayMa(command, on ? Duration.ofMillis(ms) : Duration.ZERO);
                params.put("ms", ms);
                if (!command.isEmpty()) {
                    params.put("command", command);
                }
            }
            case MA_DISCONNECT -> ma().disconnectAll();
            case MA_STOP -> ma().setStopped(on);
            case SQS_DELAY -> {
                // SQS delays in whole seconds (at most 900); a part of a second rounds up.
                int seconds = (int) Math.min(900, (millis(request, 2000, 900_000) + 999) / 1000);
                wire.delaySqsSends(on ? seconds : 0);
                params.put("ms", seconds * 1000L);
            }
            case SQS_DROP -> {
                double fraction = fraction(request, 1.0);
                wire.dropSqsSends(on ? fraction : 0);
                params.put("fraction", fraction);
            }
            case DYNAMODB_THROTTLE -> {
                double fraction = fraction(request, 0.3);
                wire.throttleDynamoDb(on ? fraction : 0);
                params.put("fraction", fraction);
            }
            case LWA_SLOW -> {
                long ms = millis(request, 1000, 60_000);
                services.lwa().setFault(on ? Duration.ofMillis(ms) : Duration.ZERO, active.containsKey(Fault.LWA_FAIL));
                params.put("ms", ms);
            }
            case LWA_FAIL -> services.lwa().setFault(lwaDelay(), on);
            case GATEWAY_FAIL -> services.gateway().failNext(on ? Integer.MAX_VALUE : 0);
        }
        if (on && fault.kind() == Kind.TOGGLE) {
            active.put(fault, params);
        } else {
            active.remove(fault);
        }
        ObjectNode state = RelayJson.mapper()
                .createObjectNode()
                .put("name", fault.wireName())
                .put("active", active.containsKey(fault));
        state.set("params", params);
        return state.put("connector_pid", connector == null ? -1 : connector.pid());
    }

    private void delayMa(String command, Duration delay) {
        if (command.isEmpty()) {
            ma().setCommandDelay(delay);
        } else {
            ma().setCommandDelay(command, delay);
        }
    }

    private Duration lwaDelay() {
        ObjectNode slow = active.get(Fault.LWA_SLOW);
        return slow == null ? Duration.ZERO : Duration.ofMillis(slow.path("ms").asLong());
    }

    /** Clears every active fault (a stopped or killed connector is started again). */
    public synchronized void clearAll() {
        ObjectNode off = RelayJson.mapper().createObjectNode().put("active", false);
        for (Fault fault : Fault.values()) {
            if (active.containsKey(fault)) {
                set(fault, off);
            }
        }
    }

    /** The simulator's record of the commands it received at or after {@code sinceMs} (epoch ms). */
    public ArrayNode maCommands(long sinceMs) {
        ArrayNode list = RelayJson.mapper().createArrayNode();
        for (ReceivedCommand c : ma().receivedCommands()) {
            if (c.atMs() >= sinceMs) {
                list.addObject()
                        .put("at_ms", c.atMs())
                        .put("command", c.command())
                        .set("args", c.args());
            }
        }
        return list;
    }

    /** How many events the event-gateway stand-in accepted, and the names of the last ones. */
    public ObjectNode gatewayEvents() {
        var received = services.gateway().received();
        ObjectNode root = RelayJson.mapper().createObjectNode().put("count", received.size());
        ArrayNode last = root.putArray("last");
        received.subList(Math.max(0, received.size() - 10), received.size())
                .forEach(r -> last.addObject()
                        .put("at_ms", r.at().toEpochMilli())
                        .put("name", r.name())
                        .put("endpoint_id", r.endpointId()));
        return root;
    }

    private MaSimulator ma() {
        if (ma == null) {
            throw new IllegalStateException("the stack is still starting");
        }
        return ma;
    }

    private Connector connector() {
        if (connector == null) {
            throw new IllegalStateException("the stack is still starting");
        }
        return connector;
    }

    private static long millis(JsonNode request, long fallback, long max) {
        long ms = request.path("ms").asLong(fallback);
        if (ms < 0 || ms > max) {
            throw new IllegalArgumentException("ms must be 0.." + max);
        }
        return ms;
    }

    private static double fraction(JsonNode request, double fallback) {
        double f = request.path("fraction").asDouble(fallback);
        if (!(f >= 0 && f <= 1)) {
            throw new IllegalArgumentException("fraction must be 0..1");
        }
        return f;
    }

    @Override
    public void close() {
        wire.close();
    }
}
