package io.musicassistant.alexa.local;

import static io.musicassistant.alexa.local.ChaosContract.LOGIN_DOWN;
import static io.musicassistant.alexa.local.ChaosContract.MA_DOWN;
import static io.musicassistant.alexa.local.ChaosContract.OFFLINE;
import static io.musicassistant.alexa.local.ChaosContract.OK;
import static io.musicassistant.alexa.local.ChaosContract.SILENT;
import static io.musicassistant.alexa.local.ChaosContract.THROTTLED;
import static io.musicassistant.alexa.local.ChaosContract.outcome;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.local.ChaosContract.Expect;
import io.musicassistant.alexa.local.ChaosContract.Kind;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * {@code scripts/chaos}: every fault of the local stack's fault interface, one after the other,
 * against the running stack and from outside, each checked against the contract of issue 12 —
 * every music, smart-home and voice request answered within 3 s with the right error (the table in
 * docs/fault-injection.md), no command run twice or after its deadline (Music Assistant's own
 * record of what it received), a connector restarted mid-command losing no reply and repeating
 * nothing, queue state and grants surviving restarts. One line per fault, then the count.
 */
final class Chaos {

    /** The contract's answer budget. */
    static final long BUDGET_MS = 3000;
    /** What a directive's deadline may lie after the moment we sent it (the cloud starts its clock on arrival). */
    static final long DEADLINE_SLACK_MS = 250;

    static final String PLAYER = Conversation.LIVING_ROOM;
    static final String VOLUME_SET = "players/cmd/volume_set";

    /** Every fault case, in the order they run; names are the fault interface's (plus "baseline"). */
    static final List<String> CASES = List.of(
            "baseline",
            "ma-delay",
            "ma-disconnect",
            "ma-stop",
            "sqs-delay",
            "sqs-drop",
            "dynamodb-throttle",
            "lwa-slow",
            "lwa-fail",
            "gateway-fail",
            "connector-stop",
            "connector-kill",
            "connector-restart");

    /** One request and its answer. {@code marker} is the volume a SetVolume asked for (0: none). */
    record Answer(Kind kind, String what, String outcome, long ms, long sentMs, int marker) {}

    /** One printed line. */
    record Result(
            String fault, int requests, long worstMs, Set<String> errors, boolean pass, String reason, long tookMs) {
        String line() {
            return String.format(
                    "%s %-18s requests %2d  worst %5d ms  errors %-45s (%4.1f s)%s",
                    pass ? "PASS" : "FAIL",
                    fault,
                    requests,
                    worstMs,
                    errors.isEmpty() ? "-" : String.join(",", errors),
                    tookMs / 1000.0,
                    pass ? "" : "  — " + reason);
        }
    }

    private final ChaosTarget target;
    private final PrintStream out;
    private final SkillClient skill;
    private int nextMarker = 1;
    private AlexaRequests.Position queue;
    /** The current case's. */
    private ChaosRecord caseRecord;

    Chaos(ChaosTarget target, PrintStream out) {
        this.target = target;
        this.out = out;
        this.skill = new SkillClient(target.alexaUrl());
    }

    /** scripts/chaos: against the stack of {@code stateDir}/stack.json; 0 when every case passed. */
    static int run(Path stateDir, String only, PrintStream out) throws IOException {
        Path file = stateDir.resolve("stack.json");
        if (!Files.exists(file)) {
            System.err.println(
                    "No running local stack (" + file + " missing). Start one with scripts/local-up --faults.");
            return 3;
        }
        ChaosTarget target;
        try {
            target = ChaosTarget.fromStackJson(file);
        } catch (IllegalStateException e) {
            System.err.println("error: " + e.getMessage());
            return 3;
        }
        List<String> cases = only == null
                ? CASES
                : Arrays.stream(only.split(",")).map(String::strip).toList();
        List<Result> results = new Chaos(target, out).run(cases);
        return results.stream().allMatch(Result::pass) ? 0 : 1;
    }

    List<Result> run(List<String> cases) {
        for (String name : cases) {
            if (!CASES.contains(name)) {
                throw new IllegalArgumentException(
                        "no fault case " + name + "; the cases: " + String.join(", ", CASES));
            }
        }
        progress("Chaos against " + target.alexaUrl() + " (fault interface " + target.faultsUrl() + "), budget "
                + BUDGET_MS + " ms per answer");
        target.clearFaults();
        setUp();
        List<Result> results = new ArrayList<>();
        for (String name : cases) {
            caseRecord = new ChaosRecord(target);
            long started = System.currentTimeMillis();
            progress(name + " ...");
            try {
                runCase(name);
            } catch (RuntimeException e) {
                caseRecord.problems.add("aborted: " + e.getMessage());
            } finally {
                try {
                    target.clearFaults();
                } catch (RuntimeException e) {
                    caseRecord.problems.add("could not clear the faults: " + e.getMessage());
                }
            }
            caseRecord.checkCommands(started);
            Result result = caseRecord.judge(name, System.currentTimeMillis() - started);
            results.add(result);
            out.println(result.line());
            out.flush();
        }
        long passed = results.stream().filter(Result::pass).count();
        out.printf("chaos: %d passed, %d failed (of %d)%n", passed, results.size() - passed, results.size());
        return results;
    }

    /** The demo user's grant for events, a queue to resume after restarts, and a warm home. */
    private void setUp() {
        progress("setting up: AcceptGrant (events to the gateway), a queue (OK Computer), one of each request");
        JsonNode grant = skill.send(ControlRequests.acceptGrant(target.demoToken(), target.grantCode()));
        require(
                grant.path("event").path("header").path("name").asText().equals("AcceptGrant.Response"),
                "AcceptGrant",
                grant);
        JsonNode found = skill.send(AlexaRequests.getPlayableContent(target.demoToken(), "ALBUM", "OK Computer"));
        String contentId = found.path("payload").path("content").path("id").asText();
        require(!contentId.isEmpty(), "GetPlayableContent OK Computer", found);
        JsonNode started = skill.send(AlexaRequests.initiate(target.demoToken(), contentId, false));
        JsonNode method = started.path("payload").path("playbackMethod");
        require(method.has("firstItem"), "Initiate", started);
        queue = new AlexaRequests.Position(
                method.path("firstItem").path("id").asText(), method.path("id").asText(), contentId);
        // Warm: the first request of each kind in a fresh JVM pays for class loading, not for a fault.
        caseRecord = new ChaosRecord(target);
        probe(OK.orOk(), target.demoToken());
    }

    private void runCase(String name) {
        switch (name) {
            case "baseline" -> probe(OK, target.demoToken());
            case "ma-delay" -> {
                target.fault("ma-delay", true, "ms", 500);
                probe(OK, target.demoToken());
            }
            case "ma-disconnect" -> {
                target.fault("ma-disconnect", true);
                probe(MA_DOWN.orOk(), target.demoToken());
                recovered();
            }
            case "ma-stop" -> {
                target.fault("ma-stop", true);
                pause(1000); // the connector's next heartbeat says so "at once"
                probe(MA_DOWN, target.demoToken());
                target.fault("ma-stop", false);
                recovered();
            }
            case "sqs-delay" -> {
                // Delivered after the deadline: the answer is an error in time, and the command never runs.
                long delayMs = target.relayTimeoutMs() + 1000;
                target.fault("sqs-delay", true, "ms", delayMs);
                probe(SILENT, target.demoToken());
                target.fault("sqs-delay", false);
                pause(delayMs + 1500); // the late deliveries arrive (and must be dropped) before the record is read
                recovered();
            }
            case "sqs-drop" -> {
                target.fault("sqs-drop", true, "fraction", 1.0);
                probe(SILENT, target.demoToken());
                target.fault("sqs-drop", false);
                recovered();
            }
            case "dynamodb-throttle" -> {
                target.fault("dynamodb-throttle", true, "fraction", 0.3);
                probe(THROTTLED, target.demoToken());
                probe(THROTTLED, target.demoToken());
                target.fault("dynamodb-throttle", false);
                recovered(); // a home judged silent under throttling is let through again by the next probe
            }
            case "lwa-slow" -> {
                target.fault("lwa-slow", true, "ms", 1000);
                probe(OK, target.freshDemoToken());
            }
            case "lwa-fail" -> {
                String fresh = target.freshDemoToken();
                target.fault("lwa-fail", true);
                probe(LOGIN_DOWN, fresh);
                // A token the skill validated before does not need Login with Amazon.
                ask(Kind.MUSIC, OK, target.demoToken());
            }
            case "gateway-fail" -> {
                target.fault("gateway-fail", true);
                changeInMusicAssistant();
                probe(OK, target.demoToken());
                target.fault("gateway-fail", false);
                grantStillWorks("after the gateway failed");
            }
            case "connector-stop" -> {
                target.fault("connector-stop", true);
                probe(OFFLINE, target.demoToken());
                target.fault("connector-stop", false);
                afterRestart("after a stop");
            }
            case "connector-kill" -> {
                // Killed while Music Assistant runs a command: Alexa still hears an error in time, nothing runs twice.
                CompletableFuture<Answer> inFlight = midCommand();
                target.fault("connector-kill", true);
                collect(inFlight, SILENT);
                probe(SILENT, target.demoToken());
                target.fault("connector-kill", false);
                afterRestart("after a kill");
            }
            case "connector-restart" -> {
                // Restarted (SIGTERM, start) while Music Assistant runs a command: its reply is not lost.
                CompletableFuture<Answer> inFlight = midCommand();
                target.fault("connector-restart", true);
                collect(inFlight, OK);
                afterRestart("after a restart");
            }
            default -> throw new IllegalArgumentException(name);
        }
    }

    /** A SetVolume that Music Assistant holds for 1.5 s; returns once MA has received it. */
    private CompletableFuture<Answer> midCommand() {
        target.fault("ma-delay", true, "ms", 1500, "command", VOLUME_SET);
        int marker = marker();
        long since = System.currentTimeMillis();
        CompletableFuture<Answer> answer = CompletableFuture.supplyAsync(() -> call(
                Kind.SMART_HOME,
                "SetVolume " + marker + " (mid-command)",
                marker,
                () -> setVolume(target.demoToken(), marker)));
        long deadline = System.currentTimeMillis() + BUDGET_MS;
        while (System.currentTimeMillis() < deadline && caseRecord.volumeSets(since, marker) == 0) {
            pause(20);
        }
        if (caseRecord.volumeSets(since, marker) == 0) {
            caseRecord.problems.add("the mid-command SetVolume did not reach Music Assistant");
        }
        return answer;
    }

    private void collect(CompletableFuture<Answer> inFlight, Expect expect) {
        Answer answer = inFlight.join();
        caseRecord.answered(answer, expect);
        target.fault("ma-delay", false);
    }

    private void afterRestart(String when) {
        recovered();
        JsonNode next = skill.send(AlexaRequests.getNextItem(target.demoToken(), queue, false));
        if (!next.path("header").path("name").asText().equals("GetNextItem.Response")) {
            caseRecord.problems.add("queue state lost " + when + ": GetNextItem answered " + outcome(Kind.MUSIC, next));
        }
        grantStillWorks(when);
    }

    /** A change made in Music Assistant reaches the event gateway: the grant is still there. */
    private void grantStillWorks(String when) {
        int before = target.gatewayEventCount();
        changeInMusicAssistant();
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline && target.gatewayEventCount() <= before) {
            pause(100);
        }
        if (target.gatewayEventCount() <= before) {
            caseRecord.problems.add("no ChangeReport reached the event gateway " + when + " (grant lost?)");
        }
    }

    private void changeInMusicAssistant() {
        target.maCommand(VOLUME_SET, Map.of("player_id", Conversation.BEDROOM, "volume_level", 10 + nextMarker % 80));
        nextMarker++;
    }

    /** Waits (up to 30 s) until the home answers a music request again. */
    private void recovered() {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            if (outcome(
                            Kind.MUSIC,
                            skill.send(AlexaRequests.getPlayableContent(target.demoToken(), "ARTIST", "Radiohead")))
                    .equals("ok")) {
                return;
            }
            pause(250);
        }
        caseRecord.problems.add("the home did not answer again within 30 s after the fault was cleared");
    }

    /** One music, one smart-home and one voice request. */
    private void probe(Expect expect, String token) {
        ask(Kind.MUSIC, expect, token);
        ask(Kind.SMART_HOME, expect, token);
        ask(Kind.VOICE, expect, token);
    }

    private void ask(Kind kind, Expect expect, String token) {
        Answer answer = switch (kind) {
            case MUSIC ->
                call(
                        kind,
                        "GetPlayableContent Radiohead",
                        0,
                        () -> skill.send(AlexaRequests.getPlayableContent(token, "ARTIST", "Radiohead")));
            case SMART_HOME -> {
                int marker = marker();
                yield call(kind, "SetVolume " + marker, marker, () -> setVolume(token, marker));
            }
            case VOICE ->
                call(
                        kind,
                        "WhatsPlayingIntent kitchen",
                        0,
                        () -> skill.send(ControlRequests.intent(
                                token, "en-US", "WhatsPlayingIntent", Map.of("room", "kitchen"))));
        };
        caseRecord.answered(answer, expect);
    }

    private JsonNode setVolume(String token, int volume) {
        return skill.send(ControlRequests.endpoint(token, "Alexa.Speaker", "SetVolume", PLAYER, "volume", volume));
    }

    private Answer call(Kind kind, String what, int marker, Supplier<JsonNode> request) {
        long sent = System.currentTimeMillis();
        long t0 = System.nanoTime();
        String outcome;
        try {
            outcome = outcome(kind, request.get());
        } catch (RuntimeException e) {
            outcome = "no-answer";
        }
        return new Answer(kind, what, outcome, (System.nanoTime() - t0) / 1_000_000, sent, marker);
    }

    /** Distinct volumes per run (1–100), so that Music Assistant's record tells each SetVolume apart. */
    private int marker() {
        int m = nextMarker++;
        return 1 + (m - 1) % 100;
    }

    private void progress(String message) {
        out.println("• " + message);
        out.flush();
    }

    private static void require(boolean ok, String what, JsonNode answer) {
        if (!ok) {
            throw new IllegalStateException("setting up failed: " + what + " answered " + answer);
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
