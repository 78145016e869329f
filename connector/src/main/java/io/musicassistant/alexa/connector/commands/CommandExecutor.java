package io.musicassistant.alexa.connector.commands;

import io.musicassistant.alexa.connector.ma.MaException;
import io.musicassistant.alexa.connector.ma.MaUnavailableException;
import io.musicassistant.alexa.connector.platform.CommandFailure;
import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.relay.protocol.ProtocolException;
import io.musicassistant.alexa.relay.protocol.RelayCommand;
import io.musicassistant.alexa.relay.protocol.RelayError;
import io.musicassistant.alexa.relay.protocol.RelayProtocol;
import io.musicassistant.alexa.relay.protocol.RelayReply;
import java.time.Clock;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Runs a relay command with its handler and turns every outcome into a reply. Never throws. */
public final class CommandExecutor {

    private static final JsonLog LOG = JsonLog.get(CommandExecutor.class);

    private final Map<RelayProtocol.Command, RelayCommandHandler> handlers = new EnumMap<>(RelayProtocol.Command.class);
    private final Clock clock;
    private final RecentCommands recent = new RecentCommands();

    public CommandExecutor(List<RelayCommandHandler> handlers, Clock clock) {
        for (RelayCommandHandler h : handlers) {
            // one handler per command: a second one would silently replace the first
            if (this.handlers.putIfAbsent(h.command(), h) != null) {
                throw new IllegalStateException(
                        "two handlers for " + h.command().wireName());
            }
        }
        this.clock = clock;
    }

    /** The wiring: which handler each command has (the tests compare it with the README's table). */
    public Map<RelayProtocol.Command, RelayCommandHandler> handlers() {
        return Collections.unmodifiableMap(handlers);
    }

    public RelayReply execute(RelayCommand command) {
        long started = System.nanoTime();
        RelayReply reply = run(command);
        recent.add(command.command(), reply, (System.nanoTime() - started) / 1_000_000, clock.millis());
        return reply;
    }

    /** The last commands run, newest first: name, outcome and time only (their queries are private). */
    public List<RecentCommands.Entry> recent() {
        return recent.list();
    }

    private RelayReply run(RelayCommand command) {
        RelayCommandHandler handler = RelayProtocol.Command.byWireName(command.command())
                .map(handlers::get)
                .orElse(null);
        if (handler == null) {
            return error(command, RelayError.UNKNOWN_COMMAND, "this connector does not know " + command.command());
        }
        try {
            return RelayReply.ok(command.id(), handler.execute(command.args()), clock.millis());
        } catch (CommandFailure e) {
            return error(command, e.code(), e.getMessage());
        } catch (MaUnavailableException e) {
            return error(command, RelayError.MA_UNAVAILABLE, e.getMessage());
        } catch (MaException e) {
            return e.isNotFound()
                    ? error(command, RelayError.NOT_FOUND, e.getMessage())
                    : error(command, RelayError.MA_ERROR, e.getMessage());
        } catch (ProtocolException e) {
            return error(command, RelayError.INVALID_ARGS, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("command.failed", e, "command", command.command());
            return error(command, RelayError.INTERNAL, "internal error; see the connector log for " + command.id());
        }
    }

    private RelayReply error(RelayCommand command, String code, String message) {
        LOG.info("command.error", "command", command.command(), "error_code", code, "reason", message);
        return RelayReply.error(command.id(), new RelayError(code, message), clock.millis());
    }
}
