package io.musicassistant.alexa.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.dev.EventGatewayStandIn;
import io.musicassistant.alexa.dev.SmapiStandIn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Alexa's routines, as far as issue 16 needs them: the user created one per Echo player in the
 * Alexa app ("when Kitchen Echo play request opens → on Kitchen Echo, custom action 'play Kitchen
 * Echo on Music Assistant'"). When the event-gateway stand-in takes a ChangeReport in which that
 * trigger's {@code Alexa.ContactSensor.detectionState} became {@code DETECTED}, the routine runs:
 * the name is resolved against the music skill's catalogs in the SMAPI stand-in ({@link
 * CatalogNames}), GetPlayableContent and Initiate go to the music skill, and that Echo's stand-in
 * ({@link EchoDevice}) fetches the first track. {@code NOT_DETECTED} runs nothing. Alexa's own delay
 * before a routine starts is not imitated: runs start at once, one at a time, in the order the
 * reports arrived.
 */
final class RoutineSimulator implements AutoCloseable {

    static final String CONTACT_SENSOR = "Alexa.ContactSensor";

    /** A routine as the user set it up: the trigger endpoint they chose, and whose account runs it. */
    record Routine(String echo, String triggerEndpointId, String triggerName, String userId, String token) {
        /** The custom action's words, typed by the user in the Alexa app. */
        String phrase() {
            return "play " + echo + " on Music Assistant";
        }
    }

    private final SkillClient skill;
    private final SmapiStandIn smapi;
    private final String musicSkillId;
    private final EchoDevice echoDevice;
    private final Map<String, Routine> byTrigger = new ConcurrentHashMap<>();
    private final Map<String, EchoPlayback> echos = new ConcurrentHashMap<>();
    private final List<RoutineRun> runs = new ArrayList<>();
    /** Routines started and not yet recorded. */
    private final AtomicInteger pending = new AtomicInteger();

    private final ExecutorService runner = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().daemon().name("routines").unstarted(r));

    RoutineSimulator(SkillClient skill, SmapiStandIn smapi, String musicSkillId, EchoDevice echoDevice) {
        this.skill = skill;
        this.smapi = smapi;
        this.musicSkillId = musicSkillId;
        this.echoDevice = echoDevice;
    }

    /** Listens to the gateway: from now on, the routines created here run on their trigger's reports. */
    RoutineSimulator listenTo(EventGatewayStandIn gateway) {
        gateway.onEvent(this::heard);
        return this;
    }

    /**
     * The user creates the routine for {@code echo} in the Alexa app: the app lists the devices
     * discovery found, and the user picks the contact sensor docs/setup.md names, "{@code <echo>} play
     * request" (exactly: "Kitchen Echo Dot play request" is another Echo's).
     */
    Routine create(String userId, String token, String echo) {
        JsonNode discovered = skill.send(ControlRequests.discover(token));
        String wanted = CatalogNames.fold(echo + " play request");
        for (JsonNode endpoint : discovered.path("event").path("payload").path("endpoints")) {
            String name = endpoint.path("friendlyName").asText();
            if (isTrigger(endpoint) && CatalogNames.fold(name).equals(wanted)) {
                Routine routine = new Routine(echo, endpoint.path("endpointId").asText(), name, userId, token);
                byTrigger.put(routine.triggerEndpointId(), routine);
                return routine;
            }
        }
        throw new IllegalStateException("the Alexa app lists no trigger for " + echo + " (discovered: "
                + discovered.path("event").path("payload").path("endpoints").findValuesAsText("friendlyName")
                + ")");
    }

    /** The user deletes the routine (with its Echo player gone, it has no trigger left). */
    void delete(Routine routine) {
        byTrigger.remove(routine.triggerEndpointId());
    }

    List<Routine> routines() {
        return List.copyOf(byTrigger.values());
    }

    private static boolean isTrigger(JsonNode endpoint) {
        for (JsonNode capability : endpoint.path("capabilities")) {
            if (CONTACT_SENSOR.equals(capability.path("interface").asText())) {
                return true;
            }
        }
        return false;
    }

    private void heard(EventGatewayStandIn.Received event) {
        if (!"ChangeReport".equals(event.name())) {
            return;
        }
        Routine routine = byTrigger.get(event.endpointId());
        if (routine == null || !routine.userId().equals(event.userId()) || !opened(event.event())) {
            return;
        }
        long reportedAt = System.nanoTime();
        pending.incrementAndGet();
        runner.execute(() -> {
            try {
                record(run(routine, reportedAt));
            } finally {
                pending.decrementAndGet();
            }
        });
    }

    /** Whether the report's change (not its context: unchanged properties) says the sensor detects. */
    static boolean opened(JsonNode event) {
        return "DETECTED".equals(detection(event));
    }

    /** Whether the report's change says the sensor closed again. */
    static boolean closed(JsonNode event) {
        return "NOT_DETECTED".equals(detection(event));
    }

    /** The contact sensor's new {@code detectionState} in a ChangeReport's change, or null. */
    private static String detection(JsonNode event) {
        for (JsonNode property :
                event.path("event").path("payload").path("change").path("properties")) {
            if (CONTACT_SENSOR.equals(property.path("namespace").asText())
                    && "detectionState".equals(property.path("name").asText())) {
                return property.path("value").asText();
            }
        }
        return null;
    }

    /** Runs a routine now (the trigger's report already arrived at {@code reportedAt}, a nanoTime). */
    RoutineRun run(Routine routine, long reportedAt) {
        Optional<CatalogNames.Entity> entity = CatalogNames.resolve(smapi, musicSkillId, routine.echo());
        if (entity.isEmpty()) {
            // Alexa finds no such name among the skill's catalogs and never asks the skill.
            return RoutineRun.unresolved(routine, reportedAt);
        }
        JsonNode found = skill.send(AlexaRequests.getPlayableContentByEntity(
                routine.token(), entity.get().attributeType(), entity.get().entityId()));
        String contentId = found.path("payload").path("content").path("id").asText(null);
        if (contentId == null) {
            return RoutineRun.answered(routine, reportedAt, entity.get(), found, null);
        }
        JsonNode started = skill.send(AlexaRequests.initiate(routine.token(), contentId, false));
        RoutineRun run = RoutineRun.answered(routine, reportedAt, entity.get(), found, started);
        JsonNode method = started.path("payload").path("playbackMethod");
        JsonNode first = method.path("firstItem");
        if (first.isMissingNode()) {
            return run;
        }
        EchoPlayback playback = echos.computeIfAbsent(routine.echo(), e -> new EchoPlayback(echoDevice));
        EchoDevice.Fetched fetched = playback.start(
                new AlexaRequests.Position(
                        first.path("id").asText(), method.path("id").asText(), contentId),
                first);
        return run.fetched(fetched, playback.requestedAt());
    }

    private void record(RoutineRun run) {
        synchronized (runs) {
            runs.add(run);
            runs.notifyAll();
        }
    }

    List<RoutineRun> runs() {
        synchronized (runs) {
            return List.copyOf(runs);
        }
    }

    /** Waits until {@code count} routines ran in all (since this simulator started); the runs so far. */
    List<RoutineRun> awaitRuns(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (runs) {
            while (runs.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    runs.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return List.copyOf(runs);
        }
    }

    /** Waits for the first run of a report that arrived after {@code sinceNanos} (a nanoTime); null when none came. */
    RoutineRun awaitRunAfter(long sinceNanos, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (RoutineRun run : runs()) {
                if (run.reportedAt() - sinceNanos > 0) {
                    return run;
                }
            }
            if (System.nanoTime() - deadline > 0) {
                return null;
            }
            awaitRuns(runs().size() + 1, Duration.ofMillis(50));
        }
    }

    /** No routine is running or waiting to run. */
    boolean idle() {
        return pending.get() == 0;
    }

    /**
     * Waits {@code quiet} for reports still on their way (a second trigger of the same play), then
     * until no routine is left to run; the number of runs then.
     */
    int settle(Duration quiet) {
        LocalConnector.sleep(quiet.toMillis());
        while (!idle()) {
            LocalConnector.sleep(10);
        }
        return runs().size();
    }

    /** What the Echo is playing, or nothing before its first routine. */
    Optional<EchoPlayback> playback(String echo) {
        return Optional.ofNullable(echos.get(echo));
    }

    /**
     * The Echo's track ends (or the listener says "next"): it asks GetNextItem from where it is and
     * fetches what it gets. The answer as the skill gave it.
     */
    JsonNode trackEnds(String echo, boolean userInitiated) {
        EchoPlayback playback =
                playback(echo).orElseThrow(() -> new IllegalStateException(echo + " has not played anything yet"));
        String token = routines().stream()
                .filter(r -> r.echo().equals(echo))
                .map(Routine::token)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no routine for " + echo));
        return playback.next(skill, token, userInitiated);
    }

    @Override
    public void close() {
        runner.shutdownNow();
        echoDevice.close();
    }
}
