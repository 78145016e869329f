package io.musicassistant.alexa.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.catalog.BuildReport;
import io.musicassistant.alexa.catalog.CatalogType;
import io.musicassistant.alexa.dev.EventGatewayStandIn;
import io.musicassistant.alexa.masim.library.Album;
import io.musicassistant.alexa.masim.library.NewAlbum;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The demo's scripted conversation: what a user says, the directive Alexa sends, and what the skill
 * answers, through the real local stack. Returns a list of failures (empty when every step answered
 * as expected) so that the demo exits non-zero when the product misbehaves.
 */
final class Conversation {

    static final String KITCHEN = "RINCON_48A6B8C1D2E301400";
    static final String LIVING_ROOM = "3f7b2c9e-8a41-4c1d-9b0e-6d2f5a8c1e47";
    static final String BEDROOM = "ap7a3c91d0e2f4";
    static final String GARAGE = "00:04:20:2a:7c:19";

    private final SkillClient skill;
    private final PrintStream out;
    private final boolean json;
    private final List<String> failures = new ArrayList<>();
    private int step;

    Conversation(SkillClient skill, PrintStream out, boolean json) {
        this.skill = skill;
        this.out = out;
        this.json = json;
    }

    List<String> run(LocalStack stack, Consumer<String> progress) {
        String token = LocalStack.DEMO_TOKEN;

        JsonNode found = say(
                "Alexa, play OK Computer by Radiohead on Music Assistant",
                AlexaRequests.getPlayableContent(token, "ALBUM", "OK Computer", "ARTIST", "Radiohead"),
                "GetPlayableContent.Response");
        String contentId = found.path("payload").path("content").path("id").asText();
        JsonNode started = say(
                "(Alexa starts playback of what the skill found)",
                AlexaRequests.initiate(token, contentId, false),
                "Initiate.Response");
        JsonNode method = started.path("payload").path("playbackMethod");
        AlexaRequests.Position at = new AlexaRequests.Position(
                method.path("firstItem").path("id").asText(), method.path("id").asText(), contentId);
        listen(stack, method.path("firstItem").path("stream").path("uri").asText());

        JsonNode next = say("Alexa, next", AlexaRequests.getNextItem(token, at, true), "GetNextItem.Response");
        at = moved(at, next);
        JsonNode previous =
                say("Alexa, previous", AlexaRequests.getPreviousItem(token, at), "GetPreviousItem.Response");
        at = moved(at, previous);
        say("Alexa, shuffle", AlexaRequests.setShuffle(token, at, true), "Response");
        JsonNode shuffled = say(
                "(the track ends; Alexa asks for the next one, now shuffled)",
                AlexaRequests.getNextItem(token, at, false),
                "GetNextItem.Response");
        at = moved(at, shuffled);
        say("Alexa, loop", AlexaRequests.setLoop(token, at, true), "Response");
        say("(the Alexa app opens the queue view)", AlexaRequests.getView(token, at), "GetView.Response");

        JsonNode library = say(
                "Alexa, play music on Music Assistant",
                AlexaRequests.getPlayableContent(token, "MEDIA_TYPE", "TRACK"),
                "GetPlayableContent.Response");
        say(
                "(Alexa starts the library, shuffled)",
                AlexaRequests.initiate(
                        token,
                        library.path("payload").path("content").path("id").asText(),
                        false),
                "Initiate.Response");
        say(
                "Alexa, play Radiohead on Music Assistant",
                AlexaRequests.getPlayableContent(token, "ARTIST", "radio head"),
                "GetPlayableContent.Response");
        say(
                "Alexa, play The Songs That Do Not Exist on Music Assistant",
                AlexaRequests.getPlayableContent(token, "ALBUM", "The Songs That Do Not Exist"),
                "CONTENT_NOT_FOUND");

        say(
                "(an hour later: Alexa still holds the old, expired token)",
                AlexaRequests.getPlayableContent(LocalStack.EXPIRED_TOKEN, "ARTIST", "Radiohead"),
                "EXPIRED_AUTHORIZATION_CREDENTIAL");
        say(
                "(someone who linked the skill but never paired a home) Alexa, play music on Music Assistant",
                AlexaRequests.getPlayableContent(LocalStack.UNPAIRED_TOKEN, "MEDIA_TYPE", "TRACK"),
                "ACCOUNT_PROBLEM");
        say(
                "(a request with a made-up token)",
                AlexaRequests.getPlayableContent("Atza|IwEBIforged", "ARTIST", "Radiohead"),
                "INVALID_AUTHORIZATION_CREDENTIAL");

        controlSkill(stack, progress);
        catalogs(stack, progress);

        progress.accept("Stopping the connector, as when the home's machine shuts down ...");
        stack.stopConnector();
        long before = System.nanoTime();
        say(
                "(the home is offline) Alexa, play OK Computer on Music Assistant",
                AlexaRequests.getPlayableContent(token, "ALBUM", "OK Computer"),
                "INTERNAL_ERROR");
        say(
                "(the home is offline) Alexa, pause the kitchen",
                ControlRequests.endpoint(token, "Alexa.PlaybackController", "Pause", KITCHEN),
                "ENDPOINT_UNREACHABLE");
        say(
                "(the home is offline) Alexa, ask Music Assistant to pause the kitchen",
                ControlRequests.intent(token, "en-US", "PauseIntent", Map.of("room", "kitchen")),
                "offline");
        out.printf(
                "      three answers in %d ms: an offline home is reported at once, not after a timeout%n",
                (System.nanoTime() - before) / 1_000_000);
        progress.accept("Starting the connector again ...");
        stack.restartConnector(progress);
        say(
                "(the home is back) Alexa, play OK Computer on Music Assistant",
                AlexaRequests.getPlayableContent(token, "ALBUM", "OK Computer"),
                "GetPlayableContent.Response");
        return failures;
    }

    /**
     * The voice catalogs: the home's exported library built into catalogs and uploaded (to the SMAPI
     * stand-in, which validates them as Amazon documents the format), a name played by the entity id
     * a live request carries, and an album added and removed in Music Assistant reaching the next
     * uploads as an addition and a deletion.
     */
    private void catalogs(LocalStack stack, Consumer<String> progress) {
        String token = LocalStack.DEMO_TOKEN;
        progress.accept(
                "Waiting for the connector's library snapshot (it exports after connecting to Music Assistant) ...");
        stack.awaitSnapshotAfter(null, Duration.ofSeconds(60));
        BuildReport first = build(stack, progress, "the hourly catalog build runs");
        String album = entityNamed(stack, first, CatalogType.ALBUMS, "OK Computer");
        JsonNode found = say(
                "Alexa, play OK Computer on Music Assistant   (as live traffic: the catalog's entityId, no words)",
                AlexaRequests.getPlayableContentByEntity(token, "ALBUM", album),
                "GetPlayableContent.Response");
        expectEqual(
                "the content played is the catalog's entity",
                album,
                found.path("payload").path("content").path("id").asText());

        progress.accept("Adding the album \"A Moon Shaped Pool\" by Radiohead in Music Assistant ...");
        String before = stack.snapshotVersion();
        Album added = stack.ma()
                .addAlbum(NewAlbum.of(
                        "A Moon Shaped Pool",
                        "Radiohead",
                        2016,
                        NewAlbum.NewTrack.of("Burn the Witch", 220),
                        NewAlbum.NewTrack.of("Daydreaming", 384)));
        stack.awaitSnapshotAfter(before, Duration.ofSeconds(60));
        BuildReport second = build(stack, progress, "the next build sends only what changed");
        expectEqual(
                "albums added by the second build",
                1L,
                second.type(CatalogType.ALBUMS).added());
        expectEqual(
                "tracks added by the second build",
                2L,
                second.type(CatalogType.TRACKS).added());
        String pool = entityNamed(stack, second, CatalogType.ALBUMS, "A Moon Shaped Pool");
        say(
                "Alexa, play A Moon Shaped Pool on Music Assistant   (a name Alexa learned from the second upload)",
                AlexaRequests.getPlayableContentByEntity(token, "ALBUM", pool),
                "GetPlayableContent.Response");

        progress.accept("Removing that album from the Music Assistant library again ...");
        before = stack.snapshotVersion();
        stack.ma().removeAlbum(added.itemId());
        stack.awaitSnapshotAfter(before, Duration.ofSeconds(60));
        BuildReport third = build(stack, progress, "the album leaves the catalogs as a deletion");
        expectEqual(
                "albums deleted by the third build",
                1L,
                third.type(CatalogType.ALBUMS).deleted());
        expectEqual(
                "tracks deleted by the third build",
                2L,
                third.type(CatalogType.TRACKS).deleted());
        say(
                "(a request for the removed album's entity, from before Alexa caught up)",
                AlexaRequests.getPlayableContentByEntity(token, "ALBUM", pool),
                "CONTENT_NOT_FOUND");
    }

    private BuildReport build(LocalStack stack, Consumer<String> progress, String what) {
        step++;
        out.printf("%n%2d. (%s)%n", step, what);
        long started = System.nanoTime();
        BuildReport report = stack.buildCatalogs(false, message -> {});
        out.printf(
                "    %d home(s) merged on DuckDB, uploads validated by the SMAPI stand-in (%d ms):%n",
                report.homes(), (System.nanoTime() - started) / 1_000_000);
        for (BuildReport.TypeResult type : report.types()) {
            out.printf(
                    "      %-24s %,7d kept  %,5d new  %,4d changed  %,4d deleted  → %s%n",
                    type.type().amazonType(),
                    type.kept(),
                    type.added(),
                    type.changed(),
                    type.deleted(),
                    type.outcome());
            if (BuildReport.FAILED.equals(type.outcome()) || BuildReport.PENDING.equals(type.outcome())) {
                failures.add("step " + step + ": " + type.type().amazonType() + " was " + type.outcome() + " "
                        + type.errors());
            }
        }
        if (report.wasSkipped()) {
            failures.add("step " + step + ": the build found no changed snapshot");
        }
        return report;
    }

    /** The id under which the catalog, as uploaded, holds the entity with this name: taken from the catalog, never written here. */
    private String entityNamed(LocalStack stack, BuildReport report, CatalogType type, String name) {
        String catalog = report.type(type).catalogId();
        for (Map.Entry<String, JsonNode> entity :
                stack.smapi().entities(catalog).entrySet()) {
            if (name.equals(
                    entity.getValue().path("names").path(0).path("value").asText())) {
                out.printf("      the %s catalog holds \"%s\" as %s%n", type.key(), name, entity.getKey());
                return entity.getKey();
            }
        }
        failures.add("step " + step + ": the " + type.key() + " catalog has no entity named " + name);
        return "ma1:" + type.kind().wireName() + ":missing";
    }

    private void expectEqual(String what, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            failures.add("step " + step + ": " + what + ": expected " + expected + ", got " + actual);
            out.println("    !! " + what + ": expected " + expected + ", got " + actual);
        }
    }

    /** The control skill: smart-home directives, the voice model, and state reported back to Alexa. */
    private void controlSkill(LocalStack stack, Consumer<String> progress) {
        String token = LocalStack.DEMO_TOKEN;
        out.println("\n— The control skill: every Music Assistant player as an Alexa device, and a voice model —");
        say(
                "(the user enables the control skill; Alexa asks for permission to receive its events)",
                ControlRequests.acceptGrant(token, stack.services().lwa().issueGrantCode(LocalStack.DEMO_USER_ID)),
                "AcceptGrant.Response");
        JsonNode discovered = say("Alexa, discover my devices", ControlRequests.discover(token), "Discover.Response");
        if (discovered.path("event").path("payload").path("endpoints").size() < 4) {
            failures.add("discovery found fewer than the simulator's four visible players");
        }
        say(
                "Alexa, pause the kitchen",
                ControlRequests.endpoint(token, "Alexa.PlaybackController", "Pause", KITCHEN),
                "Response");
        JsonNode volume = say(
                "Alexa, set the living room volume to 30",
                ControlRequests.endpoint(token, "Alexa.Speaker", "SetVolume", LIVING_ROOM, "volume", 30),
                "Response");
        if (!volume.path("context").toString().contains("\"value\":30")) {
            failures.add("SetVolume did not answer with volume 30");
        }
        say(
                "(the Alexa app shows the bedroom)",
                ControlRequests.endpoint(token, "Alexa", "ReportState", BEDROOM),
                "StateReport");
        say(
                "Alexa, turn on the garage (its speaker is switched off at the wall)",
                ControlRequests.endpoint(token, "Alexa.PowerController", "TurnOn", GARAGE),
                "ENDPOINT_UNREACHABLE");

        say(
                "Alexa, ask Music Assistant to play Radiohead in the kitchen",
                ControlRequests.intent(
                        token, "en-US", "PlayInRoomIntent", Map.of("query", "radiohead", "room", "kitchen")),
                "Radiohead");
        say(
                "Alexa, ask Music Assistant what's playing in the kitchen",
                ControlRequests.intent(token, "en-US", "WhatsPlayingIntent", Map.of("room", "the kitchen")),
                "Radiohead");
        say(
                "Alexa, ask Music Assistant to set the volume to 40 in the bedroom",
                ControlRequests.intent(token, "en-GB", "VolumeIntent", Map.of("level", "40", "room", "bedroom")),
                "40");
        say(
                "Alexa, ask Music Assistant to move the music to the living room",
                ControlRequests.intent(token, "en-US", "MoveMusicIntent", Map.of("room", "living room")),
                "Living Room");
        say(
                "Alexa, ask Music Assistant to list my rooms",
                ControlRequests.intent(token, "en-US", "ListRoomsIntent", Map.of()),
                "Bedroom");
        say(
                "Alexa, frage Musik Assistent, was im Living Room läuft  (German model; the player's name in MA is English)",
                ControlRequests.intent(token, "de-DE", "WhatsPlayingIntent", Map.of("room", "living room")),
                "Living Room");
        say(
                "Alexa, ask Music Assistant to play jazz in the attic",
                ControlRequests.intent(token, "en-US", "PlayInRoomIntent", Map.of("query", "jazz", "room", "attic")),
                "attic");

        reportedChange(stack, progress);
    }

    /** A change made in Music Assistant itself reaches Alexa as exactly one ChangeReport. */
    private void reportedChange(LocalStack stack, Consumer<String> progress) {
        EventGatewayStandIn gateway = stack.services().gateway();
        settle(gateway);
        gateway.clear();
        step++;
        out.printf("%n%2d. (someone turns the bedroom down to 25 in the Music Assistant app)%n", step);
        java.time.Instant started = java.time.Instant.now();
        stack.ma().updatePlayer(BEDROOM, p -> p.withVolumeLevel(25));
        List<EventGatewayStandIn.Received> events;
        try {
            events = gateway.await(1, Duration.ofSeconds(5));
            Thread.sleep(1000); // anything after the first would be a duplicate
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        events = gateway.received();
        for (EventGatewayStandIn.Received e : events) {
            out.println("    ⇒ event gateway received " + e.name() + " for " + e.endpointId() + ": "
                    + e.event().path("event").path("payload").path("change").path("properties"));
        }
        long changeReports =
                events.stream().filter(e -> e.name().equals("ChangeReport")).count();
        if (changeReports != 1 || events.size() != 1) {
            failures.add("step " + step + ": expected exactly one ChangeReport at the event gateway, got "
                    + events.size() + " events");
            out.println("    !! expected exactly one ChangeReport");
        } else {
            out.printf(
                    "      one ChangeReport, at the gateway %d ms after the change (and nothing more within a second)%n",
                    Duration.between(started, events.getFirst().at()).toMillis());
        }
    }

    /** Waits until the gateway has heard nothing for a while: reports of the voice steps are done. */
    private static void settle(EventGatewayStandIn gateway) {
        int seen = -1;
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline && seen != gateway.received().size()) {
            seen = gateway.received().size();
            try {
                Thread.sleep(600);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The Echo fetches the track's audio from the connector's stream server, then seeks into it. */
    private void listen(LocalStack stack, String url) {
        step++;
        out.printf(
                "%n%2d. (the Echo fetches the first track's audio from the connector, then the listener seeks)%n",
                step);
        out.println("    → GET " + url.substring(0, url.indexOf("/stream/") + 18)
                + "…  (User-Agent Echo/1.0, then Range: bytes=100000-)");
        EchoDevice echo = new EchoDevice(stack.streams().certificate().clientContext());
        EchoDevice.Fetched whole = echo.fetch(url, null);
        out.printf(
                "    ← %d %s, %,d bytes (first byte after %.0f ms, whole track after %.0f ms), %s%n",
                whole.status(),
                whole.contentType(),
                whole.bytes(),
                whole.firstByteNanos() / 1e6,
                whole.totalNanos() / 1e6,
                whole.correct() ? "MP3 frames identical to Music Assistant's stream" : "WRONG BYTES");
        EchoDevice.Fetched seek = echo.fetch(url, "bytes=100000-");
        String range = "bytes 100000-" + (whole.bytes() - 1) + "/" + whole.bytes();
        out.printf(
                "    ← %d, Content-Range %s, %,d bytes from the cache in %.0f ms, %s%n",
                seek.status(),
                seek.contentRange(),
                seek.bytes(),
                seek.totalNanos() / 1e6,
                seek.correct() ? "identical" : "WRONG BYTES");
        if (whole.status() != 200 || !whole.correct() || !"audio/mpeg".equals(whole.contentType())) {
            failures.add("step " + step + ": expected 200 audio/mpeg with Music Assistant's bytes, got " + whole);
        }
        if (seek.status() != 206 || !seek.correct() || !range.equals(seek.contentRange())) {
            failures.add("step " + step + ": expected 206 " + range + " with the right bytes, got " + seek);
        }
    }

    private JsonNode say(String utterance, ObjectNode directive, String expected) {
        step++;
        out.printf("%n%2d. %s%n", step, utterance);
        out.println("    → " + Describe.request(directive));
        if (json) {
            out.println(indent(directive.toPrettyString()));
        }
        long started = System.nanoTime();
        JsonNode answer = skill.send(directive);
        long ms = (System.nanoTime() - started) / 1_000_000;
        out.println("    ← " + Describe.answer(answer) + "   (" + ms + " ms)");
        if (json) {
            out.println(indent(answer.toPrettyString()));
        }
        String got = outcome(answer);
        boolean ok = answer.has("response")
                ? got.toLowerCase(Locale.ROOT).contains(expected.toLowerCase(Locale.ROOT))
                : got.equals(expected);
        if (!ok) {
            failures.add("step " + step + " (" + utterance + "): expected " + expected + ", got " + got);
            out.println("    !! expected " + expected);
        }
        return answer;
    }

    /** The answer's name (the error type for errors); for the voice model, what Alexa says. */
    static String outcome(JsonNode answer) {
        if (answer.has("response")) {
            return Describe.speech(answer);
        }
        JsonNode event = answer.has("event") ? answer.path("event") : answer;
        String name = event.path("header").path("name").asText();
        return name.equals("ErrorResponse") ? event.path("payload").path("type").asText() : name;
    }

    private static AlexaRequests.Position moved(AlexaRequests.Position at, JsonNode answer) {
        JsonNode item = answer.path("payload").path("item");
        return item.has("id") ? new AlexaRequests.Position(item.path("id").asText(), at.queueId(), at.contentId()) : at;
    }

    private static String indent(String text) {
        return "      " + text.replace("\n", "\n      ");
    }
}
