package io.musicassistant.alexa.control.reporting;

import io.musicassistant.alexa.control.smarthome.EndpointStates;
import io.musicassistant.alexa.control.smarthome.Endpoints;
import io.musicassistant.alexa.control.smarthome.capabilities.Property;
import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.relay.HomeDirectory;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import io.musicassistant.alexa.relay.protocol.api.HomeEvents;
import io.musicassistant.alexa.relay.protocol.api.HomeEvents.PlayerEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a home's player news into Alexa events for every linked account that granted event access,
 * each compared with what that account was last told ({@link EndpointStates}):
 * AddOrUpdateReport for players it does not know or whose description changed (one event for all),
 * ChangeReport per player for the properties that changed (the unchanged ones ride along as
 * context), DeleteReport for players that went (one event for all). The cause is VOICE_INTERACTION
 * when the control skill's voice model changed that player moments before
 * ({@link EndpointStates#changingByVoice}), else APP_INTERACTION: the change was made in Music
 * Assistant, a speaker's app or its buttons. When the home itself goes offline or comes back,
 * {@link #reportHealth} tells every account's Alexa its players' connectivity (cause PERIODIC_POLL:
 * the cloud's sweep noticed, nobody did anything). An Echo player's {@code play_requested} and
 * {@code play_request_reset} open and close its routine trigger ({@link Triggers}, issue 16).
 * What an account was told is recorded only when the gateway accepted it, so news that did not
 * go out is sent again with the next post of the home (the connector retries a post answered
 * with {@link Summary#retryLater()}).
 */
public final class ChangeReporter {

    private static final JsonLog LOG = JsonLog.get(ChangeReporter.class);
    /** The connector waits 15 s for its post; reports must be done (or given up for now) well before. */
    static final Duration BUDGET = Duration.ofSeconds(8);
    /** A change Music Assistant reports this soon after a voice command on its player was that command. */
    static final Duration VOICE_WINDOW = Duration.ofSeconds(15);

    static final String CONNECTIVITY = "Alexa.EndpointHealth.connectivity";
    /** In a stored snapshot: the player's connectivity before its home went offline, while Alexa is told UNREACHABLE. */
    static final String BEFORE_OFFLINE = "home_offline.connectivity_before";

    private final HomeDirectory directory;
    private final Grants grants;
    private final EventGateway gateway;
    private final EndpointStates states;
    private final Clock clock;

    public ChangeReporter(
            HomeDirectory directory, Grants grants, EventGateway gateway, EndpointStates states, Clock clock) {
        this.directory = directory;
        this.grants = grants;
        this.gateway = gateway;
        this.states = states;
        this.clock = clock;
    }

    /**
     * What happened to a home's news.
     *
     * @param sent events the gateway accepted, over all accounts
     * @param retryLater some news could not be delivered for a reason that may pass (gateway
     *     unreachable or failing, LWA unavailable, out of time): post it again later
     */
    public record Summary(int sent, boolean retryLater) {}

    public Summary report(String instanceId, HomeEvents news) {
        // An Echo player's trigger is the home's state: ReportState answers it even without reports.
        Triggers triggers = Triggers.of(instanceId, news, states);
        if (grants == null || gateway == null) {
            return new Summary(0, false); // reporting is not configured for this deployment
        }
        Instant deadline = clock.instant().plus(BUDGET);
        long sampledAt = clock.millis();
        Map<String, String> causes = new java.util.HashMap<>();
        int sent = 0;
        boolean retryLater = false;
        for (String user : directory.linkedUsers(instanceId)) {
            try {
                Delivery delivery = new Delivery(instanceId, user, deadline, sampledAt);
                sent += delivery.run(
                        triggers.news(),
                        triggers,
                        playerId -> causes.computeIfAbsent(
                                playerId,
                                id -> triggers.opens(id) || triggers.closes(id)
                                        ? Triggers.CAUSE
                                        : states.changedByVoice(instanceId, id, VOICE_WINDOW)
                                                ? "VOICE_INTERACTION"
                                                : "APP_INTERACTION"));
                retryLater |= delivery.retryLater;
            } catch (RuntimeException e) {
                // One account's grant trouble (LWA down, a damaged row) must not cost the others their reports.
                LOG.warn("report.account_failed", "error", e.getClass().getSimpleName());
                retryLater = true;
            }
        }
        return new Summary(sent, retryLater);
    }

    /**
     * Tells every linked account's Alexa that the home's players are unreachable ({@code reachable}
     * false: the home went offline) or reachable as before (it is back).
     */
    public Summary reportHealth(String instanceId, boolean reachable) {
        if (grants == null || gateway == null) {
            return new Summary(0, false);
        }
        Instant deadline = clock.instant().plus(BUDGET);
        int sent = 0;
        boolean retryLater = false;
        for (String user : directory.linkedUsers(instanceId)) {
            try {
                Delivery delivery = new Delivery(instanceId, user, deadline, clock.millis());
                sent += delivery.health(reachable);
                retryLater |= delivery.retryLater;
            } catch (RuntimeException e) {
                LOG.warn("report.account_failed", "error", e.getClass().getSimpleName());
                retryLater = true;
            }
        }
        LOG.info(
                "report.home_health",
                "instance_id",
                instanceId,
                "reachable",
                reachable,
                "sent",
                sent,
                "retry_later",
                retryLater);
        return new Summary(sent, retryLater);
    }

    /** The news of one post, for one account. */
    private final class Delivery {

        private final String instanceId;
        private final String user;
        private final Instant deadline;
        private final long sampledAt;
        private String token;
        private boolean stopped;
        boolean retryLater;

        Delivery(String instanceId, String user, Instant deadline, long sampledAt) {
            this.instanceId = instanceId;
            this.user = user;
            this.deadline = deadline;
            this.sampledAt = sampledAt;
        }

        int run(List<PlayerEvent> news, Triggers triggers, java.util.function.Function<String, String> causeOf) {
            Optional<String> granted = grants.accessToken(user);
            if (granted.isEmpty()) {
                return 0; // this account never granted event access
            }
            token = granted.get();
            Instant now = clock.instant();
            List<PlayerEvent> events = news.stream()
                    .filter(e -> PlayerEvent.REMOVED.equals(e.type()) || Endpoints.describable(e.player()))
                    .toList();
            List<PlayerInfo> describe = new ArrayList<>();
            List<String> gone = new ArrayList<>();
            Map<String, EndpointStates.Snapshot> known = new LinkedHashMap<>();
            for (PlayerEvent e : events) {
                Optional<EndpointStates.Snapshot> before = states.get(instanceId, user, e.playerId());
                before.ifPresent(s -> known.put(e.playerId(), s));
                if (PlayerEvent.REMOVED.equals(e.type())) {
                    if (before.isPresent()) {
                        gone.add(e.playerId());
                    }
                } else if (before.isEmpty()
                        || !before.get().descriptor().equals(EndpointStates.descriptorHash(e.player()))) {
                    describe.add(e.player());
                }
            }
            int sent = 0;
            if (!describe.isEmpty() && deliver(ReportEvents.addOrUpdateReport(describe, token))) {
                sent++;
                states.know(
                        instanceId,
                        user,
                        describe.stream().map(PlayerInfo::playerId).toList(),
                        true);
                for (PlayerInfo p : describe) {
                    EndpointStates.Snapshot told = EndpointStates.Snapshot.of(p, triggers.properties(p, now));
                    // A player new to the account is told in full (Alexa asks ReportState next); a known one
                    // got a new description, its values are still what they were.
                    EndpointStates.Snapshot kept = known.get(p.playerId());
                    states.put(
                            instanceId,
                            user,
                            p.playerId(),
                            kept == null ? told : new EndpointStates.Snapshot(kept.values(), told.descriptor()),
                            sampledAt);
                    if (kept != null) {
                        known.put(p.playerId(), new EndpointStates.Snapshot(kept.values(), told.descriptor()));
                    }
                }
            }
            // One report per player and post: a trigger's reset and its next request often share a post,
            // and the player's newest event with the trigger's state after the post says all of it.
            Map<String, PlayerEvent> newest = new LinkedHashMap<>();
            events.forEach(e -> newest.put(e.playerId(), e));
            for (PlayerEvent e : newest.values()) {
                EndpointStates.Snapshot stored = known.get(e.playerId());
                if (PlayerEvent.REMOVED.equals(e.type()) || stored == null) {
                    continue;
                }
                if (triggers.opens(e.playerId()) && Triggers.wasOpen(stored)) {
                    // Its reset was lost: close it first, or Alexa sees no change and the routine does not run.
                    stored = closeFirst(e.player(), stored, now);
                    if (stored == null) {
                        continue;
                    }
                }
                EndpointStates.Snapshot before = stored;
                List<Property> properties = triggers.properties(e.player(), now);
                List<Property> changed =
                        properties.stream().filter(p -> !before.same(p)).toList();
                if (changed.isEmpty()) {
                    continue;
                }
                List<Property> same = properties.stream().filter(before::same).toList();
                if (deliver(ReportEvents.changeReport(e.player(), changed, same, token, causeOf.apply(e.playerId())))) {
                    sent++;
                    EndpointStates.Snapshot told = EndpointStates.Snapshot.of(e.player(), properties);
                    states.put(
                            instanceId,
                            user,
                            e.playerId(),
                            new EndpointStates.Snapshot(told.values(), before.descriptor()),
                            sampledAt);
                }
            }
            if (!gone.isEmpty() && deliver(ReportEvents.deleteReport(gone, token))) {
                sent++;
                gone.forEach(id -> states.delete(instanceId, user, id));
                states.know(instanceId, user, gone, false);
            }
            return sent;
        }

        /**
         * Sends the trigger's NOT_DETECTED before a new DETECTED; the snapshot as told after it, or
         * null when the gateway did not take it.
         */
        private EndpointStates.Snapshot closeFirst(PlayerInfo player, EndpointStates.Snapshot before, Instant now) {
            List<Property> closed = Endpoints.properties(player, false, now);
            List<Property> changed =
                    closed.stream().filter(p -> !before.same(p)).toList();
            List<Property> same = closed.stream().filter(before::same).toList();
            if (!deliver(ReportEvents.changeReport(player, changed, same, token, Triggers.CAUSE))) {
                return null;
            }
            EndpointStates.Snapshot told = new EndpointStates.Snapshot(
                    EndpointStates.Snapshot.of(player, closed).values(), before.descriptor());
            states.put(instanceId, user, player.playerId(), told, sampledAt);
            return told;
        }

        /**
         * Tells the account that every player it knows of this home is unreachable (the home went
         * offline), or what their connectivity was before (it is back). Players that Music
         * Assistant itself could not reach stay UNREACHABLE and are not told again.
         */
        int health(boolean reachable) {
            Optional<String> granted = grants.accessToken(user);
            if (granted.isEmpty()) {
                return 0;
            }
            token = granted.get();
            int sent = 0;
            for (String playerId : states.knownPlayers(instanceId, user)) {
                Optional<EndpointStates.Snapshot> stored = states.get(instanceId, user, playerId);
                if (stored.isEmpty()) {
                    continue;
                }
                EndpointStates.Snapshot before = stored.get();
                com.fasterxml.jackson.databind.node.ObjectNode values =
                        before.values().deepCopy();
                com.fasterxml.jackson.databind.JsonNode now = values.get(CONNECTIVITY);
                com.fasterxml.jackson.databind.JsonNode tell;
                if (!reachable) {
                    if (values.has(BEFORE_OFFLINE)) {
                        continue; // already told
                    }
                    values.set(BEFORE_OFFLINE, now == null ? values.nullNode() : now);
                    tell = values.objectNode().put("value", "UNREACHABLE");
                } else {
                    if (!values.has(BEFORE_OFFLINE)) {
                        continue; // never told it was offline, or news from the home came first
                    }
                    com.fasterxml.jackson.databind.JsonNode previous = values.remove(BEFORE_OFFLINE);
                    tell = previous == null || previous.isNull()
                            ? values.objectNode().put("value", "OK")
                            : previous;
                }
                values.set(CONNECTIVITY, tell);
                boolean unchanged = tell.equals(now);
                if (unchanged || deliver(ReportEvents.healthReport(playerId, tell, token, clock.instant()))) {
                    sent += unchanged ? 0 : 1;
                    states.put(
                            instanceId,
                            user,
                            playerId,
                            new EndpointStates.Snapshot(values, before.descriptor()),
                            clock.millis());
                }
            }
            return sent;
        }

        /** Sends one event with the account's token; true when the gateway accepted it. */
        private boolean deliver(Map<String, Object> event) {
            if (stopped) {
                return false;
            }
            if (clock.instant().isAfter(deadline)) {
                retryLater = true;
                stopped = true;
                return false;
            }
            EventGateway.Outcome outcome = gateway.send(event, token, deadline);
            if (outcome == EventGateway.Outcome.TOKEN_REFUSED) {
                Optional<String> renewed = grants.renewNow(user);
                if (renewed.isEmpty()) {
                    stopped = true; // the grant is gone; the account gets news again once it grants anew
                    return false;
                }
                token = renewed.get();
                outcome = gateway.send(ReportEvents.withToken(event, token), token, deadline);
                if (outcome == EventGateway.Outcome.TOKEN_REFUSED) {
                    LOG.warn("report.token_refused_after_renewal");
                    stopped = true; // no refresh storm: one renewal per account and post
                    return false;
                }
            }
            return switch (outcome) {
                case ACCEPTED -> true;
                case SKILL_DISABLED -> {
                    grants.forget(user);
                    stopped = true;
                    yield false;
                }
                case TOKEN_REFUSED -> false;
                case FAILED -> {
                    LOG.warn("report.not_accepted", "event", ReportEvents.eventName(event));
                    retryLater = true;
                    yield false;
                }
            };
        }
    }
}
