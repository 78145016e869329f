package io.musicassistant.alexa.connector.commands;

import static io.musicassistant.alexa.connector.SimulatorSupport.connectedClient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.connector.content.ContentResolver;
import io.musicassistant.alexa.connector.ma.MaClient;
import io.musicassistant.alexa.connector.stream.StreamSigner;
import io.musicassistant.alexa.masim.MaSimulator;
import io.musicassistant.alexa.masim.library.Track;
import io.musicassistant.alexa.relay.protocol.RelayCommand;
import io.musicassistant.alexa.relay.protocol.RelayError;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.RelayProtocol;
import io.musicassistant.alexa.relay.protocol.RelayReply;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every outcome of a relay command becomes a reply, with the real handlers on a real simulator. */
class CommandExecutorTest {

    static final byte[] KEY = new byte[32];

    static MaSimulator sim;
    static MaClient ma;
    static MaClient offline;
    static StreamSigner signer;

    @BeforeAll
    static void start() {
        Arrays.fill(KEY, (byte) 42);
        sim = MaSimulator.start(MaSimulator.Options.defaults());
        ma = connectedClient(sim);
        offline = new MaClient(
                URI.create(sim.wsUrl()), sim.userToken(), new MaClient.Listener() {}); // never started: not connected
        signer = new StreamSigner(KEY, "https://music.home.example", Duration.ofHours(24), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        offline.close();
        ma.close();
        sim.close();
    }

    /** The connector's own handlers, as Connector wires them. */
    static CommandExecutor executor(MaClient client, StreamSigner streams) {
        return new CommandExecutor(
                List.of(
                        new PingCommand(client),
                        new ContentResolveCommand(new ContentResolver(client, streams)),
                        new StreamSignCommand(streams)),
                Clock.systemUTC());
    }

    /**
     * A handler that runs one Music Assistant command, given as {@code {"command": …, "args": {…}}},
     * the way player-control handlers do: Music Assistant's own errors reach the executor unchanged.
     */
    static CommandExecutor maPassThrough(MaClient client) {
        return new CommandExecutor(
                List.of(new RelayCommandHandler() {
                    @Override
                    public RelayProtocol.Command command() {
                        return RelayProtocol.Command.PING;
                    }

                    @Override
                    public JsonNode execute(JsonNode args) {
                        Map<String, Object> maArgs = new HashMap<>();
                        args.path("args")
                                .properties()
                                .forEach(e -> maArgs.put(
                                        e.getKey(), RelayJson.mapper().convertValue(e.getValue(), Object.class)));
                        return client.call(args.get("command").asText(), maArgs, Duration.ofSeconds(10));
                    }
                }),
                Clock.systemUTC());
    }

    static RelayReply run(CommandExecutor executor, String command, Object args) {
        String id = UUID.randomUUID().toString();
        long now = System.currentTimeMillis();
        RelayReply reply = executor.execute(new RelayCommand(
                RelayProtocol.VERSION, id, command, args == null ? null : RelayJson.tree(args), now + 10_000, now));
        assertEquals(id, reply.requestId());
        assertTrue(reply.completedAtMs() >= now);
        // every reply can be written to the reply table
        assertEquals(
                reply.status(),
                RelayJson.read(RelayJson.write(reply), RelayReply.class).status());
        return reply;
    }

    static RelayError error(RelayReply reply) {
        assertFalse(reply.isOk(), () -> "expected an error, got " + reply.result());
        assertNull(reply.result());
        return reply.error();
    }

    static String errorCode(CommandExecutor executor, String command, Object args) {
        return error(run(executor, command, args)).code();
    }

    static Map<String, Object> album(String name, String artist) {
        Map<String, Object> q = new HashMap<>();
        q.put("kind", "album");
        q.put("name", name);
        q.put("artist", artist);
        q.put("exact", false);
        q.put("max_tracks", 500);
        q.put("explicit_allowed", true);
        return q;
    }

    @Test
    void twoHandlersForOneCommandAreRefusedAtWiring() {
        RelayCommandHandler one = new PingCommand(ma);
        RelayCommandHandler other = new PingCommand(ma);
        IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalStateException.class, () -> new CommandExecutor(List.of(one, other), Clock.systemUTC()));
        assertTrue(refused.getMessage().contains(RelayProtocol.Command.PING.wireName()), refused.getMessage());
    }

    @Test
    void successfulCommandsAnswerOk() {
        CommandExecutor executor = executor(ma, signer);

        RelayReply ping = run(executor, "ping", Map.of());
        assertTrue(ping.isOk());
        assertTrue(ping.result().path("pong").asBoolean());
        assertTrue(ping.result().path("ma_connected").asBoolean());

        RelayReply resolved = run(executor, "content.resolve", album("ok computer", "radiohead"));
        assertTrue(resolved.isOk());
        assertNull(resolved.error());
        assertEquals(
                sim.library().albumNamed("OK Computer").uri(),
                resolved.result().path("uri").asText());
        assertEquals(
                sim.library()
                        .albumTracks(sim.library().albumNamed("OK Computer").itemId())
                        .size(),
                resolved.result().path("tracks").size());

        Track track = sim.library().trackNamed("Karma Police");
        RelayReply signed = run(executor, "stream.sign", Map.of("uris", List.of(track.uri(), "library://radio/1")));
        assertTrue(signed.isOk());
        JsonNode streams = signed.result().path("streams");
        assertEquals(2, streams.size());
        assertEquals(track.uri(), streams.get(0).path("uri").asText());
        assertTrue(streams.get(0).path("url").asText().startsWith("https://music.home.example/stream/v1/"));
    }

    @Test
    void anUnreachableMusicAssistantIsMaUnavailable() {
        CommandExecutor executor = executor(offline, signer);
        RelayError e = error(run(executor, "content.resolve", album("ok computer", "radiohead")));
        assertEquals(RelayError.MA_UNAVAILABLE, e.code());
        assertEquals(
                RelayError.MA_UNAVAILABLE,
                errorCode(maPassThrough(offline), "ping", Map.of("command", "players/all", "args", Map.of())));
        // ping still answers, and says so
        RelayReply ping = run(executor, "ping", Map.of());
        assertTrue(ping.isOk());
        assertFalse(ping.result().path("ma_connected").asBoolean());
    }

    @Test
    void musicAssistantNotFoundErrorsAreNotFound() {
        CommandExecutor executor = maPassThrough(ma);
        assertEquals(
                RelayError.NOT_FOUND,
                errorCode(
                        executor,
                        "ping",
                        Map.of("command", "music/item_by_uri", "args", Map.of("uri", "library://track/999999"))));
        assertEquals(
                RelayError.NOT_FOUND,
                errorCode(
                        executor,
                        "ping",
                        Map.of("command", "music/item_by_uri", "args", Map.of("uri", "what is this"))));
        // and the resolver's own "nothing matches"
        assertEquals(
                RelayError.NOT_FOUND, errorCode(executor(ma, signer), "content.resolve", album("zyxwv qqq", null)));
    }

    @Test
    void otherMusicAssistantErrorsAreMaErrorsWithTheirCode() {
        RelayError e =
                error(run(maPassThrough(ma), "ping", Map.of("command", "music/no_such_thing", "args", Map.of())));
        assertEquals(RelayError.MA_ERROR, e.code());
        assertTrue(e.message().contains("12"), e.message());
        // a pass-through that works answers ok
        RelayReply ok = run(
                maPassThrough(ma),
                "ping",
                Map.of(
                        "command",
                        "music/item_by_uri",
                        "args",
                        Map.of("uri", sim.library().trackNamed("Karma Police").uri())));
        assertTrue(ok.isOk());
        assertEquals("Karma Police", ok.result().path("name").asText());
    }

    @Test
    void malformedArgumentsAreInvalidArgs() {
        CommandExecutor executor = executor(ma, signer);
        int before = sim.commandLog().size();
        Map<String, Object> podcast = album("some show", null);
        podcast.put("kind", "podcast");
        assertEquals(RelayError.INVALID_ARGS, errorCode(executor, "content.resolve", podcast));
        Map<String, Object> tooMany = album("ok computer", null);
        tooMany.put("max_tracks", 501);
        assertEquals(RelayError.INVALID_ARGS, errorCode(executor, "content.resolve", tooMany));
        Map<String, Object> nameless = album(null, null);
        assertEquals(RelayError.INVALID_ARGS, errorCode(executor, "content.resolve", nameless));
        assertEquals(RelayError.INVALID_ARGS, errorCode(executor, "content.resolve", null));
        assertEquals(RelayError.INVALID_ARGS, errorCode(executor, "content.resolve", List.of("album")));
        assertEquals(RelayError.INVALID_ARGS, errorCode(executor, "stream.sign", Map.of("uris", List.of())));
        assertEquals(before, sim.commandLog().size(), "nothing reached Music Assistant");
    }

    @Test
    void onlyMusicAssistantUrisAreSignedAndOthersAreLeftOut() {
        CommandExecutor executor = executor(ma, signer);
        RelayReply reply = run(
                executor,
                "stream.sign",
                Map.of(
                        "uris",
                        List.of(
                                "file:///etc/passwd",
                                "library://track/1",
                                "http://evil.example/x.mp3",
                                "library://album/5",
                                "filesystem_local://track/Music/My Song.flac")));
        assertTrue(reply.isOk(), String.valueOf(reply.error()));
        List<String> signedUris = new java.util.ArrayList<>();
        reply.result()
                .path("streams")
                .forEach(stream -> signedUris.add(stream.path("uri").asText()));
        assertEquals(
                List.of("library://track/1", "filesystem_local://track/Music/My Song.flac"),
                signedUris,
                "albums, files and foreign URLs are never signed; the valid uris still are");
    }

    @Test
    void unknownCommandsAreUnknownCommand() {
        CommandExecutor executor = executor(ma, signer);
        RelayError e = error(run(executor, "player.format_disk", Map.of()));
        assertEquals(RelayError.UNKNOWN_COMMAND, e.code());
        assertTrue(e.message().contains("player.format_disk"));
        // a protocol command without a handler in this connector is unknown too
        CommandExecutor pingOnly = new CommandExecutor(List.of(new PingCommand(ma)), Clock.systemUTC());
        assertEquals(RelayError.UNKNOWN_COMMAND, errorCode(pingOnly, "content.resolve", album("ok computer", null)));
    }

    @Test
    void aMissingStreamBaseIsReportedAsSuch() {
        CommandExecutor executor = executor(ma, new StreamSigner(KEY, null, Duration.ofHours(24), Clock.systemUTC()));
        assertEquals(
                RelayError.NO_STREAM_BASE, errorCode(executor, "content.resolve", album("ok computer", "radiohead")));
        assertEquals(
                RelayError.NO_STREAM_BASE,
                errorCode(executor, "stream.sign", Map.of("uris", List.of("library://track/1"))));
    }

    @Test
    void aHandlerBugIsAnInternalErrorNotACrash() {
        // no "command" in the arguments: the pass-through handler trips over a null
        RelayError e = error(run(maPassThrough(ma), "ping", Map.of("args", Map.of())));
        assertEquals(RelayError.INTERNAL, e.code());
        assertFalse(e.message().contains("NullPointerException"), "no internals in the reply: " + e.message());
    }
}
