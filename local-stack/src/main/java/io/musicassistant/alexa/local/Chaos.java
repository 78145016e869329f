package io.musicassistant.alexa.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
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
    private static final long DEADLINE_SLACK_MS = 250;
    static final String PLAYER = Conversation.LIVING_ROOM;
    static final String VOLUME_SET = "players/cmd/volume_set";

    /** Every fault case, in the order they run; names are the fault interface's (plus "baseline"). */
    static final List<String> CASES = List.of("baseline", "ma-delay", "ma-disconnect", "ma-stop", "sqs-delay", "sqs-drop",
            "dynamodb-throttle", "lwa-slow", "lwa-fail", "gateway-fail", "connector-stop", "connector-kill", "connector-restart");

    enum Kind { MUSIC, SMART_HOME, VOICE }

    /** Which outcomes are right, per kind of request ("ok" or the Alexa error type / spoken message key). */
    record Expect(String name, Set<String> music, Set<String> smartHome, Set<String> voice) {
        Set<String> of(Kind kind) {
            return switch (kind) {
                case MUSIC -> music;
                case SMART_HOME -> smartHome;
                case VOICE -> voice;
            };
        }

        Expect orOk() {
            return new Expect(name + " or ok", plus(music, "ok"), plus(smartHome, "ok"), plus(voice, "ok"));
        }

        private static Set<String> plus(Set<String> set, String value) {
            Set<String> copy = new LinkedHashSet<>(set);
            copy.add(value);
            return copy;
        }
    }

    static final Expect OK = new Expect("ok", Set.of("ok"), Set.of("ok"), Set.of("ok"));
    /** The home said it is going (SIGTERM): the cloud knows at once. */
    static final Expect OFFLINE = new Expect("home offline", Set.of("INTERNAL_ERROR"), Set.of("ENDPOINT_UNREACHABLE"), Set.of("offline"));
    /** The home went silent (killed, deliveries lost or late): unreachable, found out by the cloud itself. */
    static final Expect SILENT = new Expect("home silent", Set.of("INTERNAL_ERROR"), Set.of("ENDPOINT_UNREACHABLE"),
            Set.of("offline", "timeout"));
    static final Expect MA_DOWN = new Expect("MA down", Set.of("INTERNAL_ERROR"), Set.of("ENDPOINT_UNREACHABLE"), Set.of("ma.down"));
    static final Expect LOGIN_DOWN = new Expect("login unavailable", Set.of("INTERNAL_ERROR"), Set.of("INTERNAL_ERROR"),
            Set.of("login.unavailable"));
    static final Expect THROTTLED = new Expect("internal", Set.of("INTERNAL_ERROR"), Set.of("ENDPOINT_UNREACHABLE", "INTERNAL_ERROR"),
            // "offline": a receipt the home could not write in time under throttling reads as a silent home
            Set.of("error", "timeout", "send.failed", "home.error", "offline")).orOk();

    /** One request and its answer. {@code marker} is the volume a SetVolume asked for (0: none). */
    record Answer(Kind kind, String what, String outcome, long ms, long sentMs, int marker) {
    }

    /** One printed line. */
    record Result(String fault, int requests, long worstMs, Set<String> errors, boolean pass, String reason, long tookMs) {
        String line() {
            return String.format("%s %-18s requests %2d  worst %5d ms  errors %-45s (%4.1f s)%s", pass ? "PASS" : "FAIL", fault,
                    requests, worstMs, errors.isEmpty() ? "-" : String.join(",", errors), tookMs / 1000.0,
                    pass ? "" : "  — " + reason);
        }
    }

    /** Spoken failure sentences of the voice model (en-US), to tell which one an answer is. */
    private static final Map<String, String> SPOKEN = spokenFailures();

    private final ChaosTarget target;
    private final PrintStream out;
    private final SkillClient skill;
    private int nextMarker = 1;
    private AlexaRequests.Position queue;
    /** The current case's answers and the problems found beyond them. */
    private List<Answer> answers;
    private List<String> problems;

    Chaos(ChaosTarget target, PrintStream out) {
        this.target = target;
        this.out = out;
        this.skill = new SkillClient(target.alexaUrl());
    }

    /** scripts/chaos: against the stack of {@code stateDir}/stack.json; 0 when every case passed. */
    static int run(Path stateDir, String only, PrintStream out) throws IOException {
        Path file = stateDir.resolve("stack.json");
        if (!Files.exists(file)) {
            System.err.println("No running local stack (" + file + " missing). Start one with scripts/local-up --faults.");
            return 3;
        }
        ChaosTarget target;
        try {
            target = ChaosTarget.fromStackJson(file);
        } catch (IllegalStateException e) {
            System.err.println("error: " + e.getMessage());
            return 3;
        }
        List<String> cases = only == null ? CASES : Arrays.stream(only.split(",")).map(String::strip).toList();
        List<Result> results = new Chaos(target, out).run(cases);
        return results.stream().allMatch(Result::pass) ? 0 : 1;
    }

    List<Result> run(List<String> cases) {
        for (String name : cases) {
            if (!CASES.contains(name)) {
                throw new IllegalArgumentException("no fault case " + name + "; the cases: " + String.join(", ", CASES));
            }
        }
        progress("Chaos against " + target.alexaUrl() + " (fault interface " + target.faultsUrl() + "), budget " + BUDGET_MS
                + " ms per answer");
        target.clearFaults();
        setUp();
        List<Result> results = new ArrayList<>();
        for (String name : cases) {
            answers = new ArrayList<>();
            problems = new ArrayList<>();
            long started = System.currentTimeMillis();
            progress(name + " ...");
            try {
                runCase(name);
            } catch (RuntimeException e) {
                problems.add("aborted: " + e.getMessage());
            } finally {
                try {
                    target.clearFaults();
                } catch (RuntimeException e) {
                    problems.add("could not clear the faults: " + e.getMessage());
                }
            }
            checkCommands(started);
            Result result = judge(name, System.currentTimeMillis() - started);
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
        require(grant.path("event").path("header").path("name").asText().equals("AcceptGrant.Response"), "AcceptGrant", grant);
        JsonNode found = skill.send(AlexaRequests.getPlayableContent(target.demoToken(), "ALBUM", "OK Computer"));
        String contentId = found.path("payload").path("content").path("id").asText();
        require(!contentId.isEmpty(), "GetPlayableContent OK Computer", found);
        JsonNode started = skill.send(AlexaRequests.initiate(target.demoToken(), contentId, false));
        JsonNode method = started.path("payload").path("playbackMethod");
        require(method.has("firstItem"), "Initiate", started);
        queue = new AlexaRequests.Position(method.path("firstItem").path("id").asText(), method.path("id").asText(), contentId);
        // Warm: the first request of each kind in a fresh JVM pays for class loading, not for a fault.
        answers = new ArrayList<>();
        problems = new ArrayList<>();
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
        CompletableFuture<Answer> answer = CompletableFuture.supplyAsync(() -> call(Kind.SMART_HOME, "SetVolume " + marker + " (mid-command)",
                marker, () -> setVolume(target.demoToken(), marker)));
        long deadline = System.currentTimeMillis() + BUDGET_MS;
        while (System.currentTimeMillis() < deadline && volumeSets(since, marker) == 0) {
            pause(20);
        }
        if (volumeSets(since, marker) == 0) {
            problems.add("the mid-command SetVolume did not reach Music Assistant");
        }
        return answer;
    }

    private void collect(CompletableFuture<Answer> inFlight, Expect expect) {
        Answer answer = inFlight.join();
        record(answer, expect);
        target.fault("ma-delay", false);
    }

    private void afterRestart(String when) {
        recovered();
        JsonNode next = skill.send(AlexaRequests.getNextItem(target.demoToken(), queue, false));
        if (!next.path("header").path("name").asText().equals("GetNextItem.Response")) {
            problems.add("queue state lost " + when + ": GetNextItem answered " + outcome(Kind.MUSIC, next));
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
            problems.add("no ChangeReport reached the event gateway " + when + " (grant lost?)");
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
            if (outcome(Kind.MUSIC, skill.send(AlexaRequests.getPlayableContent(target.demoToken(), "ARTIST", "Radiohead"))).equals("ok")) {
                return;
            }
            pause(250);
        }
        problems.add("the home did not answer again within 30 s after the fault was cleared");
    }

    /** One music, one smart-home and one voice request. */
    private void probe(Expect expect, String token) {
        ask(Kind.MUSIC, expect, token);
        ask(Kind.SMART_HOME, expect, token);
        ask(Kind.VOICE, expect, token);
    }

    private void ask(Kind kind, Expect expect, String token) {
        Answer answer = switch (kind) {
            case MUSIC -> call(kind, "GetPlayableContent Radiohead", 0,
                    () -> skill.send(AlexaRequests.getPlayableContent(token, "ARTIST", "Radiohead")));
            case SMART_HOME -> {
                int marker = marker();
                yield call(kind, "SetVolume " + marker, marker, () -> setVolume(token, marker));
            }
            case VOICE -> call(kind, "WhatsPlayingIntent kitchen", 0,
                    () -> skill.send(ControlRequests.intent(token, "en-US", "WhatsPlayingIntent", Map.of("room", "kitchen"))));
        };
        record(answer, expect);
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

    private void record(Answer answer, Expect expect) {
        answers.add(answer);
        if (answer.ms() > BUDGET_MS) {
            problems.add(answer.what() + " answered after " + answer.ms() + " ms");
        }
        if (!expect.of(answer.kind()).contains(answer.outcome())) {
            problems.add(answer.what() + " answered " + answer.outcome() + ", expected " + expect.name() + " "
                    + expect.of(answer.kind()));
        }
    }

    /** No SetVolume ran twice or after its deadline; one answered ok ran exactly once. */
    private void checkCommands(long sinceMs) {
        var record = target.maCommands(sinceMs);
        for (Answer a : answers) {
            if (a.marker() == 0) {
                continue;
            }
            int runs = 0;
            for (JsonNode c : record) {
                if (isVolumeSet(c, a.marker())) {
                    runs++;
                    long late = c.path("at_ms").asLong() - (a.sentMs() + target.relayTimeoutMs() + DEADLINE_SLACK_MS);
                    if (late > 0) {
                        problems.add(a.what() + " reached Music Assistant " + late + " ms after its deadline");
                    }
                }
            }
            if (runs > 1) {
                problems.add(a.what() + " ran " + runs + " times");
            }
            if (a.outcome().equals("ok") && runs == 0) {
                problems.add(a.what() + " answered ok but never reached Music Assistant");
            }
        }
    }

    private int volumeSets(long sinceMs, int marker) {
        int n = 0;
        for (JsonNode c : target.maCommands(sinceMs)) {
            if (isVolumeSet(c, marker)) {
                n++;
            }
        }
        return n;
    }

    private static boolean isVolumeSet(JsonNode command, int marker) {
        return command.path("command").asText().equals(VOLUME_SET) && command.path("args").path("player_id").asText().equals(PLAYER)
                && command.path("args").path("volume_level").asInt(-1) == marker;
    }

    private Result judge(String name, long tookMs) {
        long worst = answers.stream().mapToLong(Answer::ms).max().orElse(0);
        Set<String> errors = new TreeSet<>();
        answers.stream().map(Answer::outcome).filter(o -> !o.equals("ok")).forEach(errors::add);
        return new Result(name, answers.size(), worst, errors, problems.isEmpty(), String.join("; ", problems), tookMs);
    }

    /** Distinct volumes per run (1–100), so that Music Assistant's record tells each SetVolume apart. */
    private int marker() {
        int m = nextMarker++;
        return 1 + (m - 1) % 100;
    }

    /** "ok", the Alexa error type, or the key of the spoken failure. */
    static String outcome(Kind kind, JsonNode answer) {
        return switch (kind) {
            case MUSIC -> answer.path("header").path("name").asText().equals("ErrorResponse")
                    ? answer.path("payload").path("type").asText("?") : "ok";
            case SMART_HOME -> answer.path("event").path("header").path("name").asText().equals("ErrorResponse")
                    ? answer.path("event").path("payload").path("type").asText("?") : "ok";
            case VOICE -> voiceOutcome(answer);
        };
    }

    private static String voiceOutcome(JsonNode answer) {
        JsonNode response = answer.path("response");
        if (response.path("card").path("type").asText().equals("LinkAccount")) {
            return "link.account";
        }
        String speech = response.path("outputSpeech").path("ssml").asText(response.path("outputSpeech").path("text").asText())
                .replace("&apos;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        for (var e : SPOKEN.entrySet()) {
            if (speech.contains(e.getValue())) {
                return e.getKey();
            }
        }
        return speech.isEmpty() ? "no-speech" : "ok";
    }

    private static Map<String, String> spokenFailures() {
        ResourceBundle bundle = ResourceBundle.getBundle("io.musicassistant.alexa.control.voice.Messages", Locale.ROOT);
        Map<String, String> spoken = new LinkedHashMap<>();
        for (String key : List.of("offline", "ma.down", "timeout", "send.failed", "home.error", "error", "login.unavailable",
                "link.account", "ma.refused", "not.paired")) {
            if (bundle.containsKey(key)) {
                spoken.put(key, bundle.getString(key).replace("''", "'"));
            }
        }
        return spoken;
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
