package io.musicassistant.alexa.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.musicassistant.alexa.architecture.WhereIs;
import io.musicassistant.alexa.connector.commands.CommandExecutor;
import io.musicassistant.alexa.connector.commands.RelayCommandHandler;
import io.musicassistant.alexa.relay.protocol.RelayProtocol;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The connector's real wiring ({@link Connector#commandHandlers}) has exactly one handler class per
 * {@link RelayProtocol.Command}, and connector/README.md's "Where is …" table says which.
 */
class RelayCommandWiringTest {

    /** The handlers as the connector wires them; they only keep their parts, so none are needed here. */
    static List<RelayCommandHandler> wiredHandlers() {
        return Connector.commandHandlers(null, null, null, null, null, null);
    }

    /** What a wiring must be: one handler for every command of the protocol, each its own class. */
    static void assertOneHandlerPerCommand(List<RelayCommandHandler> handlers) {
        // the executor refuses a second handler for a command (CommandExecutorTest)
        Map<RelayProtocol.Command, RelayCommandHandler> wired =
                new CommandExecutor(handlers, Clock.systemUTC()).handlers();
        Set<String> missing = EnumSet.complementOf(toSet(wired.keySet())).stream()
                .map(RelayProtocol.Command::wireName)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        assertTrue(missing.isEmpty(), "relay commands without a handler: " + missing);
        Map<Class<?>, List<String>> byClass = wired.entrySet().stream()
                .collect(Collectors.groupingBy(
                        e -> e.getValue().getClass(),
                        Collectors.mapping(e -> e.getKey().wireName(), Collectors.toList())));
        byClass.forEach((type, commands) ->
                assertEquals(1, commands.size(), type.getSimpleName() + " handles more than one command: " + commands));
    }

    private static EnumSet<RelayProtocol.Command> toSet(Set<RelayProtocol.Command> commands) {
        return commands.isEmpty() ? EnumSet.noneOf(RelayProtocol.Command.class) : EnumSet.copyOf(commands);
    }

    @Test
    void everyRelayCommandHasExactlyOneHandler() {
        assertOneHandlerPerCommand(wiredHandlers());
    }

    @Test
    void aWiringWithoutTheHandlerOfOneCommandFailsTheCheck() {
        List<RelayCommandHandler> handlers = new ArrayList<>(wiredHandlers());
        handlers.removeIf(h -> h.command() == RelayProtocol.Command.PLAYER_PLAY);
        AssertionError failure = assertThrows(AssertionError.class, () -> assertOneHandlerPerCommand(handlers));
        assertTrue(failure.getMessage().contains("[player.play]"), failure.getMessage());
    }

    @Test
    void theReadmeNamesTheHandlerOfEveryRelayCommand() {
        Map<String, String> wired = new TreeMap<>();
        new CommandExecutor(wiredHandlers(), Clock.systemUTC())
                .handlers()
                .forEach((command, handler) ->
                        wired.put(command.wireName(), handler.getClass().getSimpleName()));
        assertEquals(
                wired,
                new TreeMap<>(WhereIs.table(Path.of("README.md"), "Relay commands")),
                "connector/README.md, \"Where is …\" → \"Relay commands\" must list exactly the wiring");
    }
}
