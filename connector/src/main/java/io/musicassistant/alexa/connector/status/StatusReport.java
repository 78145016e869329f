package io.musicassistant.alexa.connector.status;

import io.musicassistant.alexa.connector.audio.AudioCache;
import io.musicassistant.alexa.connector.audio.ReachabilityCheck;
import io.musicassistant.alexa.connector.audio.StreamHealth;
import io.musicassistant.alexa.connector.catalog.CatalogScheduler;
import io.musicassistant.alexa.connector.commands.CommandExecutor;
import io.musicassistant.alexa.connector.echo.EchoPlayers;
import io.musicassistant.alexa.connector.echo.EchoSettings;
import io.musicassistant.alexa.connector.ma.MaClient;
import io.musicassistant.alexa.connector.ma.MaServerInfo;
import io.musicassistant.alexa.connector.relay.HomeLink;
import io.musicassistant.alexa.connector.relay.RelayQueueWorker;
import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Reads the running connector's parts into a {@link Status}; cheap enough to call every second. */
public final class StatusReport implements Supplier<Status> {

    /** Any URL in a free text: only its origin is shown (a signed stream URL must never reach the page). */
    private static final Pattern URL = Pattern.compile("(https?://)(?:[^@/\\s?#\"']*@)?([^/\\s?#\"']+)[^\\s\"']*");

    private static final int MAX_DETAIL = 200;

    /** The connector's parts the page reads; {@code catalog} is null when the library export is off. */
    public record Parts(
            String version,
            URI maUrl,
            String streamBase,
            MaClient ma,
            HomeLink link,
            RelayQueueWorker worker,
            CommandExecutor executor,
            StreamHealth health,
            AudioCache cache,
            CatalogScheduler catalog,
            EchoPlayers echo) {}

    private final Parts parts;

    public StatusReport(Parts parts) {
        this.parts = parts;
    }

    @Override
    public Status get() {
        HomeLink.Status link = parts.link().status(); // one read: pairing and relay from the same moment
        return new Status(
                parts.version(),
                pairing(link),
                ma(),
                relay(link, parts.worker().polling()),
                parts.executor().recent().stream()
                        .map(c -> new Status.Command(c.command(), c.outcome(), c.durationMs(), c.atMs()))
                        .toList(),
                stream(parts.streamBase(), parts.health().last(), parts.health().checking()),
                catalog(parts.catalog() == null ? null : parts.catalog().state()),
                cache(parts.cache().figures()),
                echo(parts.echo()));
    }

    static Status.Echo echo(EchoPlayers echo) {
        return new Status.Echo(
                echo.editable(),
                EchoSettings.MAX_PLAYERS,
                echo.shown().stream()
                        .map(p -> new Status.EchoPlayer(p.name(), p.key(), p.connected(), p.state()))
                        .toList());
    }

    static Status.Pairing pairing(HomeLink.Status link) {
        if (link.paired() == null) {
            return new Status.Pairing(Status.UNKNOWN, null, null, link.linkedAccounts());
        }
        if (link.paired() || link.code() == null) {
            return new Status.Pairing(link.paired() ? "paired" : "unpaired", null, null, link.linkedAccounts());
        }
        return new Status.Pairing("unpaired", link.code().code(), link.code().expiresAtMs(), link.linkedAccounts());
    }

    private Status.Ma ma() {
        MaClient ma = parts.ma();
        URI url = parts.maUrl();
        String origin = url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
        return new Status.Ma(
                ma.connected() ? "connected" : "disconnected",
                origin,
                ma.serverInfo().map(MaServerInfo::serverVersion).orElse(null));
    }

    static Status.Relay relay(HomeLink.Status link, RelayQueueWorker.Polling polling) {
        boolean beatKnown = link.lastBeatAtMs() > 0;
        String state;
        if (beatKnown && link.lastBeatError() != null || polling != null && !polling.ok()) {
            state = "failing";
        } else if (beatKnown || polling != null) {
            state = "ok";
        } else {
            state = Status.UNKNOWN;
        }
        return new Status.Relay(
                state,
                beatKnown ? link.lastBeatAtMs() : null,
                link.lastBeatError(),
                polling == null ? null : polling.error());
    }

    static Status.Stream stream(String base, ReachabilityCheck.Result result, boolean checking) {
        if (result == null) {
            return new Status.Stream(Status.UNKNOWN, base, null, null, null, null, checking);
        }
        return new Status.Stream(
                result.ok() && result.problem() == null ? "ok" : "problem",
                base,
                result.ok(),
                result.problem(),
                scrub(result.detail()),
                result.checkedAtMs(),
                checking);
    }

    static Status.Catalog catalog(CatalogScheduler.State state) {
        if (state == null) {
            return new Status.Catalog("off", null, null, null, null, null, null, null, null, null);
        }
        String name = state.exporting()
                ? "exporting"
                : state.failures() > 0 ? "failed" : state.lastOutcome() != null ? "done" : "idle";
        var outcome = Optional.ofNullable(state.lastOutcome());
        return new Status.Catalog(
                name,
                state.lastDoneAtMs() == 0 ? null : state.lastDoneAtMs(),
                outcome.map(o -> o.uploaded()).orElse(null),
                outcome.map(o -> o.entities()).orElse(null),
                outcome.map(o -> o.bytes()).orElse(null),
                outcome.map(o -> o.diff().added()).orElse(null),
                outcome.map(o -> o.diff().changed()).orElse(null),
                outcome.map(o -> o.diff().removed()).orElse(null),
                state.lastFailedAtMs() == 0 ? null : state.lastFailedAtMs(),
                state.failures() > 0 ? state.lastError() : null);
    }

    static Status.Cache cache(AudioCache.Figures figures) {
        return new Status.Cache(
                figures.entries(), figures.bytesUsed(), figures.maxBytes(), figures.hits(), figures.misses());
    }

    /** A free text with every URL cut to its origin, and not longer than a line on the page. */
    static String scrub(String text) {
        if (text == null) {
            return null;
        }
        String cut = URL.matcher(text).replaceAll("$1$2");
        return cut.length() > MAX_DETAIL ? cut.substring(0, MAX_DETAIL) + "…" : cut;
    }
}
