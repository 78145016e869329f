package io.musicassistant.alexa.connector.commands;

import io.musicassistant.alexa.relay.protocol.RelayProtocol;
import io.musicassistant.alexa.relay.protocol.RelayReply;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The last few commands the executor ran, for the status page: what, how it ended, how long it took
 * and when. Never arguments or results: a search query says what someone listens to.
 */
public final class RecentCommands {

    static final int SIZE = 20;

    /**
     * @param command the wire name, or "unknown" for one this connector does not know (the cloud's
     *     text is not repeated)
     * @param outcome {@code ok}, or the error code of the reply
     */
    public record Entry(String command, String outcome, long durationMs, long atMs) {}

    private final Deque<Entry> entries = new ArrayDeque<>(SIZE);

    synchronized void add(String command, RelayReply reply, long durationMs, long atMs) {
        String name = RelayProtocol.Command.byWireName(command)
                .map(RelayProtocol.Command::wireName)
                .orElse("unknown");
        String outcome = reply.isOk() || reply.error() == null
                ? RelayReply.OK
                : reply.error().code();
        if (entries.size() == SIZE) {
            entries.removeLast();
        }
        entries.addFirst(new Entry(name, outcome, durationMs, atMs));
    }

    /** Newest first. */
    synchronized List<Entry> list() {
        return List.copyOf(entries);
    }
}
