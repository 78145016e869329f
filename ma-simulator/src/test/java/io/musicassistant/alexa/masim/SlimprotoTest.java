package io.musicassistant.alexa.masim;

import static io.musicassistant.alexa.masim.WsTestClient.args;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.masim.SlimTestClient.Frame;
import io.musicassistant.alexa.masim.audio.Mp3Audio;
import io.musicassistant.alexa.masim.library.Album;
import io.musicassistant.alexa.masim.library.Track;
import io.musicassistant.alexa.masim.player.PlayerConfig;
import io.musicassistant.alexa.masim.profile.Profile;
import io.musicassistant.alexa.masim.slimproto.Strm;
import io.musicassistant.alexa.masim.stream.Pacing;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Slimproto server and the stream server, driven by a raw-socket client that does what
 * squeezelite does (research notes §1.2–1.9): HELO, the name reply, STAT events, fetching the
 * URL a {@code strm s} names.
 */
class SlimprotoTest {

    private static final String MAC = "02:ab:cd:ef:00:01";
    private static final Pattern SINGLE = Pattern.compile("GET /single/([^/]+)/([^/]+)/([^/]+)/([^/ ]+)\\.(\\w+) ");
    private static final Duration HEARTBEAT = Duration.ofMillis(300);

    private MaSimulator ma;
    private WsTestClient ws;
    private final List<AutoCloseable> closeLater = new ArrayList<>();

    @BeforeEach
    void start() {
        ma = MaSimulator.start(MaSimulator.Options.defaults().withSlimprotoHeartbeat(HEARTBEAT));
        ws = WsTestClient.authenticated(ma, ma.userToken());
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closeLater) {
            c.close();
        }
        ws.close();
        ma.close();
    }

    // ---------------------------------------------------------------- connection

    @Test
    void heloRegistersThePlayerUnderItsMacWithTheNameItSends() {
        SlimTestClient player = track(SlimTestClient.hello(ma, 7, MAC));

        Frame vers = player.next();
        assertEquals("vers", vers.op());
        assertEquals("7.9", new String(vers.payload(), StandardCharsets.US_ASCII));
        Frame displayQuery = player.next();
        assertEquals("setd", displayQuery.op());
        assertArrayEquals(new byte[] {(byte) 0xFE}, displayQuery.payload());
        Frame nameQuery = player.next();
        assertEquals("setd", nameQuery.op());
        assertArrayEquals(new byte[] {0}, nameQuery.payload());
        Frame aude = player.next();
        assertEquals("aude", aude.op());
        assertArrayEquals(new byte[] {0, 1}, aude.payload(), "power off, dac on");
        Frame audg = player.next();
        assertEquals("audg", audg.op());
        assertEquals(18, audg.payload().length);

        JsonNode added = ws.awaitEvent("player_added", MAC);
        assertEquals("receiver: " + MAC, added.path("data").path("name").asText(), "name before SETD");
        player.sendName("Alexa Bridge");
        JsonNode renamed =
                ws.awaitFrame(f -> "player_updated".equals(f.path("event").asText())
                        && "Alexa Bridge".equals(f.path("data").path("name").asText()));
        assertEquals(MAC, renamed.path("object_id").asText());

        JsonNode listed = find(ws.call("players/all", null).path("result"), MAC);
        assertEquals("Alexa Bridge", listed.path("display_name").asText());
        assertEquals("player", listed.path("type").asText());
        assertEquals("squeezelite--Hn3B6vQw", listed.path("provider").asText());
        assertTrue(listed.path("available").asBoolean());
        assertEquals("AlexaBridge", listed.path("device_info").path("model").asText());
        assertEquals("receiver", listed.path("device_info").path("manufacturer").asText());
        assertEquals(20, listed.path("volume_level").asInt(), "MA sets DEFAULT_PLAYER_VOLUME");
        List<String> features = new ArrayList<>();
        listed.path("supported_features").forEach(f -> features.add(f.asText()));
        assertTrue(
                features.containsAll(List.of("power", "volume_set", "pause", "enqueue", "gapless_playback")),
                features.toString());
        assertEquals(List.of(MAC), ma.slimprotoClients());

        long first = player.awaitStrm('t').strm().replayGain();
        long second = player.awaitStrm('t').strm().replayGain();
        assertEquals(first + 1, second, "heartbeat ids count up");
    }

    @Test
    void aPlayerThatStaysSilentIsDroppedAndUnregistered() {
        SlimTestClient player = track(new SlimTestClient(ma.slimprotoPort()));
        player.setAnswerHeartbeats(false);
        player.helo(12, MAC, "Model=squeezelite");
        ws.awaitEvent("player_added", MAC);
        assertTrue(player.awaitClosed(HEARTBEAT.multipliedBy(8)), "dropped after 2 heartbeats of silence");
        ws.awaitEvent("player_removed", MAC);
        assertTrue(ma.slimprotoClients().isEmpty());
    }

    @Test
    void byeEndsTheConnection() {
        SlimTestClient player = track(SlimTestClient.hello(ma, 7, MAC));
        ws.awaitEvent("player_added", MAC);
        player.send("BYE!", new byte[] {0});
        assertTrue(player.awaitClosed(SlimTestClient.WAIT.multipliedBy(2)));
        ws.awaitEvent("player_removed", MAC);
    }

    @Test
    void aSecondConnectionWithAConnectedMacIsTheOneDropped() {
        SlimTestClient first = track(SlimTestClient.hello(ma, 7, MAC));
        ws.awaitEvent("player_added", MAC);
        SlimTestClient second = track(SlimTestClient.hello(ma, 7, MAC));

        assertTrue(second.awaitClosed(SlimTestClient.WAIT.multipliedBy(2)), "the newcomer is disconnected");
        first.pending();
        first.awaitStrm('t'); // the first connection is still served
        assertEquals(List.of(MAC), ma.slimprotoClients());
        assertTrue(
                ma.slimprotoLog(MAC).contains("duplicate connection: dropped"),
                ma.slimprotoLog(MAC).toString());
        long count = 0;
        for (JsonNode p : ws.call("players/all", null).path("result")) {
            count += p.path("player_id").asText().equals(MAC) ? 1 : 0;
        }
        assertEquals(1, count);
    }

    @Test
    void disconnectRemovesThePlayerButItsConfigStaysForTheNextConnection() {
        SlimTestClient player = track(connected("Alexa Bridge"));
        WsTestClient admin = track(WsTestClient.authenticated(ma, ma.adminToken()));
        JsonNode saved = admin.call(
                "config/players/save",
                args("player_id", MAC, "values", Map.of("name", "Echo bridge", "hide_in_ui", true)));
        assertEquals("Echo bridge", saved.path("result").path("name").asText(), saved.toString());

        assertTrue(ma.dropSlimprotoClient(MAC));
        JsonNode removed = ws.awaitEvent("player_removed", MAC);
        assertTrue(removed.path("data").isNull());
        assertTrue(player.awaitClosed(SlimTestClient.WAIT.multipliedBy(2)));
        assertTrue(find(ws.call("players/all", null).path("result"), MAC) == null, "gone from players/all");
        assertTrue(ma.slimprotoClients().isEmpty());
        JsonNode config = ws.call("config/players/get", args("player_id", MAC)).path("result");
        assertEquals("Echo bridge", config.path("name").asText(), config.toString());

        ws.drain();
        SlimTestClient again = track(SlimTestClient.hello(ma, 7, MAC));
        JsonNode added = ws.awaitEvent("player_added", MAC);
        assertEquals("Echo bridge", added.path("data").path("name").asText(), "the saved name wins");
        assertTrue(added.path("data").path("hide_in_ui").asBoolean());
        again.sendName("Alexa Bridge");
        assertEquals(List.of(MAC), ma.slimprotoClients());
    }

    @Test
    void controlsSetToNoneAreHonouredAndAGonePlayersConfigCanBeRemoved() {
        SlimTestClient player = track(connected("Alexa Bridge"));
        WsTestClient admin = track(WsTestClient.authenticated(ma, ma.adminToken()));
        admin.call(
                "config/players/save",
                args(
                        "player_id",
                        MAC,
                        "values",
                        Map.of("power_control", "none", "volume_control", "none", "mute_control", "none")));
        JsonNode shown = ws.awaitEvent("player_updated", MAC).path("data");
        assertEquals("none", shown.path("volume_control").asText(), shown.toString());
        assertEquals("none", shown.path("power_control").asText());
        assertEquals("none", shown.path("mute_control").asText());
        JsonNode volume = ws.call("players/cmd/volume_set", args("player_id", MAC, "volume_level", 30));
        // UnsupportedFeaturedException; the stable profile wraps player command failures into 11
        assertEquals(11, volume.path("error_code").asInt(), "no volume control: " + volume);
        assertTrue(volume.path("details").asText().contains("does not support volume control"));

        JsonNode active = admin.call("config/players/remove", args("player_id", MAC));
        assertEquals(19, active.path("error_code").asInt(), "an active player's config stays: " + active);
        assertEquals(
                22,
                ws.call("config/players/remove", args("player_id", MAC))
                        .path("error_code")
                        .asInt());
        assertTrue(ma.dropSlimprotoClient(MAC));
        assertTrue(player.awaitClosed(SlimTestClient.WAIT.multipliedBy(2)));
        ws.awaitEvent("player_removed", MAC);
        JsonNode removed = admin.call("config/players/remove", args("player_id", MAC));
        assertTrue(removed.path("error_code").isMissingNode(), removed.toString());
        assertTrue(ma.playerConfig(MAC).isEmpty());
        JsonNode unknown = admin.call("config/players/remove", args("player_id", MAC));
        assertEquals(999, unknown.path("error_code").asInt(), unknown.toString());
    }

    // ---------------------------------------------------------------- playing

    @Test
    void playMediaFlushesStopsAndStartsTheStreamMaBuilds() {
        SlimTestClient player = track(connected("Alexa Bridge"));
        Album album = albumWithTracks();
        player.pending();
        JsonNode reply = ws.call("player_queues/play_media", args("queue_id", MAC, "media", album.uri()));
        assertTrue(reply.path("result").isNull(), reply.toString());

        List<Frame> frames = new ArrayList<>();
        Frame frame;
        do {
            frame = player.next();
            frames.add(frame);
        } while (!frame.isStrm('s'));
        List<String> strms = frames.stream()
                .filter(f -> f.op().equals("strm"))
                .map(Frame::toString)
                .toList();
        assertEquals(List.of("strm f", "strm q", "strm s"), strms);
        Strm flush = frames.stream()
                .filter(f -> f.isStrm('f'))
                .findFirst()
                .orElseThrow()
                .strm();
        assertEquals('0', flush.autostart());
        assertTrue(frames.stream().anyMatch(f -> f.op().equals("aude") && f.payload()[0] == 1), "powered on");

        Strm start = frame.strm();
        assertEquals('2', start.autostart(), "play_media: buffer, then wait for cont");
        assertEquals('f', start.codec().charAt(0), "output_codec defaults to flac");
        assertEquals("f????", start.codec());
        assertEquals(64, start.threshold());
        assertEquals(1, start.outputThreshold());
        assertEquals(0, start.flags());
        assertEquals(ma.streamPort(), start.serverPort());
        assertEquals(0, start.serverIp());
        Matcher url = SINGLE.matcher(start.httpRequest());
        assertTrue(url.find(), start.httpRequest());
        String itemId = ws.call("player_queues/get", args("queue_id", MAC))
                .path("result")
                .path("current_item")
                .path("queue_item_id")
                .asText();
        assertEquals(MAC, url.group(2));
        assertEquals(itemId, url.group(3));
        assertEquals(MAC, url.group(4));
        assertEquals("flac", url.group(5));
        String path = "/single/" + url.group(1) + "/" + MAC + "/" + itemId + "/" + MAC + ".flac";
        assertEquals(
                "GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1:" + ma.streamPort()
                        + "\r\nConnection: close\r\nAccept: */*\r\nCache-Control: no-cache\r\n"
                        + "User-Agent: VLC/3.0.9 LibVLC/3.0.9\r\nRange: bytes=0-\r\n\r\n",
                start.httpRequest());
    }

    @Test
    void theStreamIsTheTracksMp3BytesAndTheStatDanceMovesThePlayer() {
        SlimTestClient player = track(connected("Alexa Bridge"));
        saveAsAdmin(Map.of("output_codec", "mp3"));
        Track song = ma.library().tracks().get(11);
        player.pending();
        ws.call("player_queues/play_media", args("queue_id", MAC, "media", song.uri()));
        Strm start = player.awaitStart();
        assertEquals("m????", start.codec());

        player.stat("STMf");
        RawHttp.Response response = RawHttp.send(start.serverPort(), start.httpRequest());
        player.stat("STMc");
        assertEquals(200, response.status(), response.headerBlock());
        assertTrue(response.statusLine().startsWith("HTTP/1.0 200"), response.statusLine());
        assertFalse(RawHttp.hasHeader(response, "Content-Length"), response.headerBlock());
        assertEquals("audio/mpeg", response.header("Content-Type").orElseThrow());
        assertEquals("close", response.header("Connection").orElseThrow());
        assertEquals("none", response.header("Accept-Ranges").orElseThrow());
        assertEquals("no-cache", response.header("Cache-Control").orElseThrow());
        assertEquals(song.name(), response.header("icy-name").orElseThrow());
        byte[] expected = new byte[(int) Mp3Audio.length(song.duration())];
        Mp3Audio.fill(Mp3Audio.seed("library://track/" + song.itemId()), 0, expected, 0, expected.length);
        assertEquals(expected.length, response.body().length);
        assertArrayEquals(expected, response.body(), "Mp3Audio bytes seeded with the track's uri");
        assertTrue(Mp3Audio.startsWithFrame(response.body()));

        player.resp(response.headerBlock());
        Frame codc = player.next();
        assertEquals("codc", codc.op());
        assertEquals("m????", new String(codc.payload(), StandardCharsets.US_ASCII));
        Frame cont = player.next();
        assertEquals("cont", cont.op());
        assertArrayEquals(new byte[7], cont.payload());

        player.stat("STMl");
        Strm unpause = player.awaitStrm('u').strm();
        assertTrue(unpause.replayGain() > 0, "unpause_at the player's jiffies");
        player.stat("STMr");
        player.stat("STMs");
        String itemId = SINGLE.matcher(start.httpRequest())
                .results()
                .findFirst()
                .orElseThrow()
                .group(3);
        JsonNode playing = ws.awaitFrame(f -> "player_updated"
                        .equals(f.path("event").asText())
                && "playing".equals(f.path("data").path("playback_state").asText())
                && itemId.equals(f.path("data")
                        .path("current_media")
                        .path("queue_item_id")
                        .asText()));
        assertEquals(
                song.uri(),
                playing.path("data").path("current_media").path("uri").asText());

        player.stat("STMt", 42_000, 0);
        JsonNode position =
                ws.awaitFrame(f -> "player_updated".equals(f.path("event").asText())
                        && f.path("data").path("elapsed_time").asDouble() >= 41.9);
        assertEquals(42.0, position.path("data").path("elapsed_time").asDouble(), 0.01);

        player.stat("STMd"); // nothing after this track: remembered, no new stream
        player.stat("STMu");
        JsonNode idle =
                ws.awaitFrame(f -> "player_updated".equals(f.path("event").asText())
                        && "idle".equals(f.path("data").path("playback_state").asText()));
        assertTrue(idle.path("data").path("current_media").isNull(), idle.toString());
        assertTrue(player.pending().stream().noneMatch(f -> f.isStrm('s')), "no next track to start");
    }

    @Test
    void decoderReadyStartsTheNextQueueItemInTheSameSession() throws InterruptedException {
        SlimTestClient player = track(connected("Alexa Bridge"));
        Album album = albumWithTracks();
        player.pending();
        ws.call("player_queues/play_media", args("queue_id", MAC, "media", album.uri()));
        Strm first = player.awaitStart();
        player.stat("STMc");
        player.resp("HTTP/1.0 200 OK\r\nContent-Type: audio/flac\r\n\r\n");
        assertEquals("codc", player.next().op());
        assertEquals("cont", player.next().op());
        player.stat("STMs");
        player.stat("STMd");

        Frame nextStart = player.next();
        assertTrue(nextStart.isStrm('s'), "no flush before an enqueued track: " + nextStart);
        Strm second = nextStart.strm();
        assertEquals('3', second.autostart(), "enqueued track: start when buffered, after cont");
        Matcher a = SINGLE.matcher(first.httpRequest());
        Matcher b = SINGLE.matcher(second.httpRequest());
        assertTrue(a.find() && b.find());
        assertEquals(a.group(1), b.group(1), "same stream session");
        JsonNode items = ws.call("player_queues/items", args("queue_id", MAC)).path("result");
        assertEquals(items.get(1).path("queue_item_id").asText(), b.group(3));

        // a RESP before the new stream's STMc belongs to the old stream: no codc for it
        player.resp("HTTP/1.0 200 OK\r\nContent-Type: audio/flac\r\n\r\n");
        player.stat("STMt", 1000, 0);
        SlimTestClient.Frame none = null;
        // The server records why it sent nothing; frames it would have sent precede that record.
        ProtocolConformanceTest.waitUntil(
                () -> ma.slimprotoLog(MAC).contains("RESP before STMc ignored (a previous stream's)"));
        assertTrue(
                ma.slimprotoLog(MAC).contains("RESP before STMc ignored (a previous stream's)"),
                ma.slimprotoLog(MAC).toString());
        for (Frame f : player.pending()) {
            if (f.op().equals("codc")) {
                none = f;
            }
        }
        assertEquals(null, none, "stale RESP ignored");
        player.stat("STMc");
        player.resp("HTTP/1.0 200 OK\r\nContent-Type: audio/flac\r\n\r\n");
        assertEquals("f????", new String(player.awaitOp("codc").payload(), StandardCharsets.US_ASCII));
        player.stat("STMs");
        ws.awaitFrame(f -> "queue_updated".equals(f.path("event").asText())
                && f.path("data").path("current_index").asInt(-1) == 1);
    }

    @Test
    void aNewPlaySessionMakesTheOldUrlsNotFound() {
        SlimTestClient player = track(connected("Alexa Bridge"));
        Album album = albumWithTracks();
        player.pending();
        ws.call("player_queues/play_media", args("queue_id", MAC, "media", album.uri()));
        Strm first = player.awaitStart();
        ws.call("player_queues/next", args("queue_id", MAC));
        Strm second = player.awaitStart();
        Matcher a = SINGLE.matcher(first.httpRequest());
        Matcher b = SINGLE.matcher(second.httpRequest());
        assertTrue(a.find() && b.find());
        assertNotEquals(a.group(1), b.group(1), "next starts a new session");

        RawHttp.Response old = RawHttp.send(ma.streamPort(), first.httpRequest());
        assertEquals(404, old.status());
        assertEquals("404: Unknown (or invalid) session: " + a.group(1), old.text());
        RawHttp.Response current = RawHttp.send(ma.streamPort(), second.httpRequest(), 4096);
        assertEquals(200, current.status());
        assertEquals(2, ma.streamRequests());
        assertTrue(
                ma.streamRequestLog().get(0).endsWith(" 404"),
                ma.streamRequestLog().toString());
    }

    @Test
    void aMalformedOrOversizedRequestHeadIsA400AndCountsAsNoRequest() {
        RawHttp.Response garbage = RawHttp.send(ma.streamPort(), "NONSENSE\r\n\r\n");
        assertEquals(400, garbage.status());
        // more than the 16 KiB the server reads: the rest is drained, so the client still reads the 400
        RawHttp.Response huge =
                RawHttp.send(ma.streamPort(), "GET /single/" + "x".repeat(40_000) + " HTTP/1.1\r\n\r\n");
        assertEquals(400, huge.status());
        assertEquals(0, ma.streamRequests(), "the request log holds requests, not garbage");
    }

    @Test
    void pauseResumeAndStopReachThePlayer() {
        SlimTestClient player = track(connected("Alexa Bridge"));
        player.pending();
        ws.call(
                "player_queues/play_media",
                args("queue_id", MAC, "media", albumWithTracks().uri()));
        player.awaitStart();
        player.stat("STMc");
        player.stat("STMs");
        // a position report far from the running clock is published: STMs was handled before it
        player.stat("STMt", 30_000, 0);
        ws.awaitFrame(f -> "player_updated".equals(f.path("event").asText())
                && f.path("data").path("elapsed_time").asDouble() >= 29.9);

        ws.call("players/cmd/pause", args("player_id", MAC));
        assertEquals(0, player.awaitStrm('p').strm().replayGain());
        ws.call("players/cmd/play", args("player_id", MAC));
        assertEquals(0, player.awaitStrm('u').strm().flags());
        ws.call("player_queues/stop", args("queue_id", MAC));
        player.awaitStrm('q');
        ws.call("players/cmd/volume_set", args("player_id", MAC, "volume_level", 60));
        assertEquals(18, player.awaitOp("audg").payload().length);
    }

    @Test
    void savingOutputCodecMp3MakesTheNextStreamMp3AndNeedsAdmin() {
        SlimTestClient player = track(connected("Alexa Bridge"));
        JsonNode denied =
                ws.call("config/players/save", args("player_id", MAC, "values", Map.of("output_codec", "mp3")));
        assertEquals(22, denied.path("error_code").asInt(), "role user may not save: " + denied);

        JsonNode before = ws.call("config/players/get", args("player_id", MAC)).path("result");
        assertEquals(
                "flac", before.path("values").path("output_codec").path("value").asText(), before.toString());
        assertEquals("squeezelite--Hn3B6vQw", before.path("provider").asText());
        assertEquals("Alexa Bridge", before.path("default_name").asText());
        assertTrue(before.path("name").isNull());

        JsonNode saved = saveAsAdmin(Map.of("output_codec", "mp3"));
        assertEquals(
                "mp3", saved.path("values").path("output_codec").path("value").asText());
        ws.awaitEvent("player_config_updated", MAC);
        assertEquals(
                "mp3", ma.playerConfig(MAC).map(c -> c.value("output_codec")).orElseThrow());

        player.pending();
        ws.call(
                "player_queues/play_media",
                args("queue_id", MAC, "media", albumWithTracks().uri()));
        Strm start = player.awaitStart();
        assertEquals('m', start.codec().charAt(0));
        Matcher url = SINGLE.matcher(start.httpRequest());
        assertTrue(url.find());
        assertEquals("mp3", url.group(5));
    }

    @Test
    void unknownPlayerConfigIsAKeyError() {
        JsonNode reply = ws.call("config/players/get", args("player_id", "nope"));
        assertEquals(999, reply.path("error_code").asInt(), reply.toString());
        PlayerConfig kitchen = ma.playerConfig("RINCON_48A6B8C1D2E301400").orElseThrow();
        assertEquals("Kitchen", kitchen.defaultName());
    }

    @Test
    void aSeekStartsTheBodyAtThatPositionAndHttp11GetsChunks() {
        SlimTestClient player = track(connected("Alexa Bridge"));
        saveAsAdmin(Map.of("output_codec", "mp3"));
        Track song = ma.library().tracks().get(3);
        player.pending();
        ws.call("player_queues/play_media", args("queue_id", MAC, "media", song.uri()));
        player.awaitStart();
        player.stat("STMc");
        player.stat("STMs");
        JsonNode reply = ws.call("player_queues/seek", args("queue_id", MAC, "position", 10));
        assertTrue(reply.path("result").isNull(), reply.toString());
        Strm seeked = player.awaitStart();

        RawHttp.Response response = RawHttp.send(seeked.serverPort(), seeked.httpRequest());
        long offset = 10_000 / Mp3Audio.FRAME_MILLIS * Mp3Audio.FRAME_BYTES;
        byte[] expected = new byte[(int) (Mp3Audio.length(song.duration()) - offset)];
        Mp3Audio.fill(Mp3Audio.seed(song.uri()), offset, expected, 0, expected.length);
        assertArrayEquals(expected, response.body(), "the body starts at the frame holding 10 s");

        String http11 = seeked.httpRequest().replace("HTTP/1.0", "HTTP/1.1");
        RawHttp.Response chunked = RawHttp.send(seeked.serverPort(), http11, 64);
        assertTrue(chunked.statusLine().startsWith("HTTP/1.1 200"), chunked.statusLine());
        assertEquals("chunked", chunked.header("Transfer-Encoding").orElseThrow(), "as aiohttp does for 1.1");
        assertFalse(RawHttp.hasHeader(chunked, "Content-Length"));
    }

    // ---------------------------------------------------------------- stream server pacing

    @Test
    void musicServiceTracksArePacedOwnFilesAreNot() {
        ma.close();
        ma = MaSimulator.start(
                MaSimulator.Options.defaults().withProfile(Profile.NEWEST).withSlimprotoHeartbeat(HEARTBEAT));
        assertEquals(Pacing.SINGLE_ITEM, ma.options().effectivePacing(), "newest: 60 s burst then 1.1x");
        ws.close();
        ws = WsTestClient.authenticated(ma, ma.userToken());
        SlimTestClient player = track(connected("Alexa Bridge"));
        ma.setPacing(new Pacing(0.25, 1.0));

        Track service = ma.library().tracks().stream()
                .filter(t -> t.providerMappings().stream()
                        .allMatch(m -> m.providerDomain().equals("spotify")))
                .findFirst()
                .orElseThrow();
        player.pending();
        ws.call("player_queues/play_media", args("queue_id", MAC, "media", service.uri()));
        Strm paced = player.awaitStart();
        // 0.25 s burst = 4000 bytes at once, then 16000 bytes per second
        RawHttp.Response slow = RawHttp.send(paced.serverPort(), paced.httpRequest(), 12_000);
        assertEquals(12_000, slow.body().length);
        assertTrue(slow.millis() >= 400, "paced: took " + slow.millis() + " ms");

        Track own = ma.library().tracks().stream()
                .filter(t -> t.providerMappings().stream()
                        .anyMatch(m -> m.providerDomain().startsWith("filesystem")))
                .findFirst()
                .orElseThrow();
        ws.call("player_queues/play_media", args("queue_id", MAC, "media", own.uri()));
        Strm unpaced = player.awaitStart();
        // at this pacing the whole file would take minutes; unpaced it ends within the read timeout
        RawHttp.Response fast = RawHttp.send(unpaced.serverPort(), unpaced.httpRequest());
        assertEquals(Mp3Audio.length(own.duration()), fast.body().length);
    }

    @Test
    void aStreamRateCapMakesDownloadsTakeTime() {
        SlimTestClient player = track(connected("Alexa Bridge"));
        player.pending();
        ws.call(
                "player_queues/play_media",
                args("queue_id", MAC, "media", albumWithTracks().uri()));
        Strm start = player.awaitStart();
        ma.setStreamRate(40_000);
        RawHttp.Response capped = RawHttp.send(start.serverPort(), start.httpRequest(), 20_000);
        assertEquals(20_000, capped.body().length);
        assertTrue(capped.millis() >= 400, "capped at 40 kB/s: took " + capped.millis() + " ms");
    }

    @Test
    void aRadioStreamDoesNotEnd() {
        SlimTestClient player = track(connected("Alexa Bridge"));
        saveAsAdmin(Map.of("output_codec", "mp3"));
        ma.setRadioPacing(Pacing.NONE);
        var radio = ma.library().radios().get(0);
        player.pending();
        ws.call("player_queues/play_media", args("queue_id", MAC, "media", radio.uri()));
        Strm start = player.awaitStart();
        int size = 2_000_000;
        RawHttp.Response response = RawHttp.send(start.serverPort(), start.httpRequest(), size);
        assertEquals(size, response.body().length, "longer than any track would be at this point");
        byte[] expected = new byte[size];
        Mp3Audio.fill(Mp3Audio.seed(radio.uri()), 0, expected, 0, size);
        assertArrayEquals(expected, response.body());
    }

    // ---------------------------------------------------------------- helpers

    private SlimTestClient connected(String name) {
        SlimTestClient player = SlimTestClient.hello(ma, 7, MAC);
        player.awaitOp("vers");
        player.sendName(name);
        ws.awaitFrame(f -> ("player_updated".equals(f.path("event").asText())
                        || "player_added".equals(f.path("event").asText()))
                && name.equals(f.path("data").path("name").asText()));
        return player;
    }

    private JsonNode saveAsAdmin(Map<String, Object> values) {
        WsTestClient admin = track(WsTestClient.authenticated(ma, ma.adminToken()));
        JsonNode reply = admin.call("config/players/save", args("player_id", MAC, "values", values));
        assertTrue(reply.has("result"), reply.toString());
        return reply.path("result");
    }

    private Album albumWithTracks() {
        return ma.library().albums().stream()
                .filter(a -> ma.library().albumTracks(a.itemId()).size() >= 3)
                .findFirst()
                .orElseThrow();
    }

    private <T extends AutoCloseable> T track(T closeable) {
        closeLater.add(closeable);
        return closeable;
    }

    private static JsonNode find(JsonNode players, String playerId) {
        for (JsonNode p : players) {
            if (p.path("player_id").asText().equals(playerId)) {
                return p;
            }
        }
        return null;
    }
}
