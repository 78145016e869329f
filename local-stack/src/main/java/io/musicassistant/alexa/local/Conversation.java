package io.musicassistant.alexa.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.catalog.BuildReport;
import io.musicassistant.alexa.catalog.CatalogType;
import io.musicassistant.alexa.masim.library.Album;
import io.musicassistant.alexa.masim.library.NewAlbum;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
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

    private final Transcript transcript;
    private final PrintStream out;

    Conversation(SkillClient skill, PrintStream out, boolean json) {
        this.transcript = new Transcript(skill, out, json);
        this.out = out;
    }

    List<String> run(LocalStack stack, Consumer<String> progress) {
        String token = LocalStack.DEMO_TOKEN;

        JsonNode found = transcript.say(
                "Alexa, play OK Computer by Radiohead on Music Assistant",
                AlexaRequests.getPlayableContent(token, "ALBUM", "OK Computer", "ARTIST", "Radiohead"),
                "GetPlayableContent.Response");
        String contentId = found.path("payload").path("content").path("id").asText();
        JsonNode started = transcript.say(
                "(Alexa starts playback of what the skill found)",
                AlexaRequests.initiate(token, contentId, false),
                "Initiate.Response");
        JsonNode method = started.path("payload").path("playbackMethod");
        AlexaRequests.Position at = new AlexaRequests.Position(
                method.path("firstItem").path("id").asText(), method.path("id").asText(), contentId);
        listen(stack, method.path("firstItem").path("stream").path("uri").asText());

        JsonNode next =
                transcript.say("Alexa, next", AlexaRequests.getNextItem(token, at, true), "GetNextItem.Response");
        at = moved(at, next);
        JsonNode previous =
                transcript.say("Alexa, previous", AlexaRequests.getPreviousItem(token, at), "GetPreviousItem.Response");
        at = moved(at, previous);
        transcript.say("Alexa, shuffle", AlexaRequests.setShuffle(token, at, true), "Response");
        JsonNode shuffled = transcript.say(
                "(the track ends; Alexa asks for the next one, now shuffled)",
                AlexaRequests.getNextItem(token, at, false),
                "GetNextItem.Response");
        at = moved(at, shuffled);
        transcript.say("Alexa, loop", AlexaRequests.setLoop(token, at, true), "Response");
        transcript.say("(the Alexa app opens the queue view)", AlexaRequests.getView(token, at), "GetView.Response");

        JsonNode library = transcript.say(
                "Alexa, play music on Music Assistant",
                AlexaRequests.getPlayableContent(token, "MEDIA_TYPE", "TRACK"),
                "GetPlayableContent.Response");
        transcript.say(
                "(Alexa starts the library, shuffled)",
                AlexaRequests.initiate(
                        token,
                        library.path("payload").path("content").path("id").asText(),
                        false),
                "Initiate.Response");
        transcript.say(
                "Alexa, play Radiohead on Music Assistant",
                AlexaRequests.getPlayableContent(token, "ARTIST", "radio head"),
                "GetPlayableContent.Response");
        transcript.say(
                "Alexa, play The Songs That Do Not Exist on Music Assistant",
                AlexaRequests.getPlayableContent(token, "ALBUM", "The Songs That Do Not Exist"),
                "CONTENT_NOT_FOUND");

        transcript.say(
                "(an hour later: Alexa still holds the old, expired token)",
                AlexaRequests.getPlayableContent(LocalStack.EXPIRED_TOKEN, "ARTIST", "Radiohead"),
                "EXPIRED_AUTHORIZATION_CREDENTIAL");
        transcript.say(
                "(someone who linked the skill but never paired a home) Alexa, play music on Music Assistant",
                AlexaRequests.getPlayableContent(LocalStack.UNPAIRED_TOKEN, "MEDIA_TYPE", "TRACK"),
                "ACCOUNT_PROBLEM");
        transcript.say(
                "(a request with a made-up token)",
                AlexaRequests.getPlayableContent("Atza|IwEBIforged", "ARTIST", "Radiohead"),
                "INVALID_AUTHORIZATION_CREDENTIAL");

        new ControlSkillConversation(transcript).run(stack);
        catalogs(stack, progress);
        new EchoConversation(transcript).run(stack);

        progress.accept("Stopping the connector, as when the home's machine shuts down ...");
        stack.stopConnector();
        long before = System.nanoTime();
        transcript.say(
                "(the home is offline) Alexa, play OK Computer on Music Assistant",
                AlexaRequests.getPlayableContent(token, "ALBUM", "OK Computer"),
                "INTERNAL_ERROR");
        transcript.say(
                "(the home is offline) Alexa, pause the kitchen",
                ControlRequests.endpoint(token, "Alexa.PlaybackController", "Pause", KITCHEN),
                "ENDPOINT_UNREACHABLE");
        transcript.say(
                "(the home is offline) Alexa, ask Music Assistant to pause the kitchen",
                ControlRequests.intent(token, "en-US", "PauseIntent", Map.of("room", "kitchen")),
                "offline");
        out.printf(
                "      three answers in %d ms: an offline home is reported at once, not after a timeout%n",
                (System.nanoTime() - before) / 1_000_000);
        progress.accept("Starting the connector again ...");
        stack.restartConnector(progress);
        transcript.say(
                "(the home is back) Alexa, play OK Computer on Music Assistant",
                AlexaRequests.getPlayableContent(token, "ALBUM", "OK Computer"),
                "GetPlayableContent.Response");
        return transcript.failures();
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
        JsonNode found = transcript.say(
                "Alexa, play OK Computer on Music Assistant   (as live traffic: the catalog's entityId, no words)",
                AlexaRequests.getPlayableContentByEntity(token, "ALBUM", album),
                "GetPlayableContent.Response");
        transcript.expectEqual(
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
        transcript.expectEqual(
                "albums added by the second build",
                1L,
                second.type(CatalogType.ALBUMS).added());
        transcript.expectEqual(
                "tracks added by the second build",
                2L,
                second.type(CatalogType.TRACKS).added());
        String pool = entityNamed(stack, second, CatalogType.ALBUMS, "A Moon Shaped Pool");
        transcript.say(
                "Alexa, play A Moon Shaped Pool on Music Assistant   (a name Alexa learned from the second upload)",
                AlexaRequests.getPlayableContentByEntity(token, "ALBUM", pool),
                "GetPlayableContent.Response");

        progress.accept("Removing that album from the Music Assistant library again ...");
        before = stack.snapshotVersion();
        stack.ma().removeAlbum(added.itemId());
        stack.awaitSnapshotAfter(before, Duration.ofSeconds(60));
        BuildReport third = build(stack, progress, "the album leaves the catalogs as a deletion");
        transcript.expectEqual(
                "albums deleted by the third build",
                1L,
                third.type(CatalogType.ALBUMS).deleted());
        transcript.expectEqual(
                "tracks deleted by the third build",
                2L,
                third.type(CatalogType.TRACKS).deleted());
        transcript.say(
                "(a request for the removed album's entity, from before Alexa caught up)",
                AlexaRequests.getPlayableContentByEntity(token, "ALBUM", pool),
                "CONTENT_NOT_FOUND");
    }

    private BuildReport build(LocalStack stack, Consumer<String> progress, String what) {
        int step = transcript.nextStep();
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
                transcript.failStep(type.type().amazonType() + " was " + type.outcome() + " " + type.errors());
            }
        }
        if (report.wasSkipped()) {
            transcript.failStep("the build found no changed snapshot");
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
        transcript.failStep("the " + type.key() + " catalog has no entity named " + name);
        return "ma1:" + type.kind().wireName() + ":missing";
    }

    /** The Echo fetches the track's audio from the connector's stream server, then seeks into it. */
    private void listen(LocalStack stack, String url) {
        int step = transcript.nextStep();
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
            transcript.failStep("expected 200 audio/mpeg with Music Assistant's bytes, got " + whole);
        }
        if (seek.status() != 206 || !seek.correct() || !range.equals(seek.contentRange())) {
            transcript.failStep("expected 206 " + range + " with the right bytes, got " + seek);
        }
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
}
