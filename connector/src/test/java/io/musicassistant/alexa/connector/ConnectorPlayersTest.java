package io.musicassistant.alexa.connector;

import static io.musicassistant.alexa.connector.SimulatorSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.connector.audio.AudioConfig;
import io.musicassistant.alexa.connector.catalog.CatalogSettings;
import io.musicassistant.alexa.connector.echo.EchoSettings;
import io.musicassistant.alexa.connector.slimproto.EchoMac;
import io.musicassistant.alexa.connector.status.StatusSettings;
import io.musicassistant.alexa.dev.DevServices;
import io.musicassistant.alexa.masim.MaSimulator;
import io.musicassistant.alexa.masim.player.PlaybackState;
import io.musicassistant.alexa.relay.protocol.Gzip;
import io.musicassistant.alexa.relay.protocol.RelayCommand;
import io.musicassistant.alexa.relay.protocol.RelayError;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.RelayProtocol;
import io.musicassistant.alexa.relay.protocol.RelayProtocol.ReplyTable;
import io.musicassistant.alexa.relay.protocol.RelayReply;
import io.musicassistant.alexa.relay.protocol.api.HomeEvents.PlayerEvent;
import io.musicassistant.alexa.relay.protocol.api.RelayAccess;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The whole connector as {@link Connector#start} wires it: the player commands arrive through its
 * relay queue (ElasticMQ) and are answered in its reply table (Moto's DynamoDB), its Music Assistant
 * is the simulator, and player changes reach a stand-in of the relay API's events route.
 */
class ConnectorPlayersTest {

    static final String KITCHEN = "RINCON_48A6B8C1D2E301400";
    static final String LIVING_ROOM = "3f7b2c9e-8a41-4c1d-9b0e-6d2f5a8c1e47";
    static final String BEDROOM = "ap7a3c91d0e2f4";
    static final String DOWNSTAIRS = "ugp_5d0e7f3a9b2c";
    static final String GARAGE = "00:04:20:2a:7c:19";
    static final Duration WAIT = Duration.ofSeconds(5);

    static MaSimulator sim;
    static CloudStandIn cloud;
    static Connector connector;
    static SqsClient sqs;
    static DynamoDbClient dynamo;
    static String queueUrl;
    static String table;
    static Path stateDir;

    @BeforeAll
    static void start() throws Exception {
        DevServices services = DevServices.shared();
        var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        sqs = SqsClient.builder()
                .endpointOverride(services.sqsEndpoint())
                .region(Region.of(services.region()))
                .credentialsProvider(creds)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        dynamo = DynamoDbClient.builder()
                .endpointOverride(services.dynamoDbEndpoint())
                .region(Region.of(services.region()))
                .credentialsProvider(creds)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        queueUrl = sqs.createQueue(b -> b.queueName("connector-players-" + UUID.randomUUID()))
                .queueUrl();
        table = "connector-players-replies-" + UUID.randomUUID();
        dynamo.createTable(b -> b.tableName(table)
                .billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName(ReplyTable.KEY).attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName(ReplyTable.KEY).keyType(KeyType.HASH)));

        sim = MaSimulator.start(MaSimulator.Options.defaults());
        cloud = CloudStandIn.start();
        cloud.setAccess(new RelayAccess(
                RelayAccess.MODE_LOCAL,
                services.region(),
                queueUrl,
                table,
                services.sqsEndpoint().toString(),
                services.dynamoDbEndpoint().toString(),
                "local",
                "local",
                null,
                System.currentTimeMillis() + Duration.ofDays(1).toMillis()));
        stateDir = Files.createTempDirectory("connector-players-state");
        ConnectorConfig config = new ConnectorConfig(
                URI.create(sim.wsUrl()),
                sim.userToken(),
                cloud.uri(),
                stateDir,
                "https://music.home.example",
                Duration.ofHours(24),
                "Test home",
                1,
                AudioConfig.load(
                        Map.of(
                                "STREAM_BIND",
                                "127.0.0.1",
                                "STREAM_PORT",
                                "0",
                                "AUDIO_CACHE_MB",
                                "256",
                                "SLIMPROTO_PORT",
                                String.valueOf(sim.slimprotoPort())),
                        stateDir),
                CatalogSettings.defaults(),
                StatusSettings.loopback(),
                new EchoSettings(List.of("Hall Echo")));
        connector = Connector.start(config, message -> {});
        assertEquals(CloudStandIn.INSTANCE_ID, connector.instanceId());
        await(
                "Music Assistant to connect",
                SimulatorSupport.CONNECT_TIMEOUT,
                () -> connector.ma().connected());
        // on connecting, the connector reports every player it offers
        await(
                "the first player report",
                WAIT,
                () -> ids(cloud.acceptedEvents())
                        .containsAll(Set.of(KITCHEN, LIVING_ROOM, BEDROOM, DOWNSTAIRS, GARAGE)));
    }

    @AfterAll
    static void stop() {
        if (connector != null) {
            connector.close();
        }
        cloud.close();
        sim.close();
        sqs.close();
        dynamo.close();
        try (var files = Files.walk(stateDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temp dir left behind is harmless
        }
    }

    static Set<String> ids(List<PlayerEvent> events) {
        Set<String> ids = new HashSet<>();
        events.forEach(e -> ids.add(e.playerId()));
        return ids;
    }

    /** Sends a command through the relay queue and waits for its reply row. */
    static RelayReply relay(String command, Object args) {
        String id = UUID.randomUUID().toString();
        long now = System.currentTimeMillis();
        String body = RelayJson.write(new RelayCommand(
                RelayProtocol.VERSION, id, command, args == null ? null : RelayJson.tree(args), now + 10_000, now));
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            var item = dynamo.getItem(b -> b.tableName(table)
                            .consistentRead(true)
                            .key(Map.of(
                                    ReplyTable.KEY,
                                    AttributeValue.fromS(ReplyTable.key(CloudStandIn.INSTANCE_ID, id)))))
                    .item();
            // a mutating command's row exists ("claimed") before its reply is written
            if (item != null && item.containsKey(ReplyTable.REPLY)) {
                return RelayJson.read(item.get(ReplyTable.REPLY).s(), RelayReply.class);
            }
            if (item != null && item.containsKey(ReplyTable.REPLY_GZ)) {
                return RelayJson.read(
                        Gzip.decompress(item.get(ReplyTable.REPLY_GZ).b().asByteArray(), RelayProtocol.MAX_REPLY_BYTES),
                        RelayReply.class);
            }
            SimulatorSupport.pause(20);
        }
        throw new AssertionError("no reply to " + command + " within 10 s");
    }

    static JsonNode ok(RelayReply reply) {
        assertTrue(reply.isOk(), () -> "expected ok, got " + reply.error());
        assertNotNull(reply.result());
        return reply.result();
    }

    static String errorCode(RelayReply reply) {
        assertFalse(reply.isOk(), () -> "expected an error, got " + reply.result());
        assertNull(reply.result());
        return reply.error().code();
    }

    static Map<String, Object> args(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static List<String> playerMutations() {
        return sim.commandLog().stream()
                .filter(c -> c.startsWith("players/cmd/")
                        || c.startsWith("player_queues/play")
                        || c.equals("player_queues/transfer"))
                .toList();
    }

    @Test
    void theFivePlayerCommandsRunThroughTheRelay() {
        JsonNode list = ok(relay("players.list", Map.of()));
        List<String> names = new ArrayList<>();
        list.path("players").forEach(p -> names.add(p.path("name").asText()));
        assertEquals(List.of("Kitchen", "Living Room", "Bedroom", "Downstairs", "Garage", "Hall Echo"), names);
        JsonNode downstairs = list.path("players").get(3);
        assertEquals(DOWNSTAIRS, downstairs.path("player_id").asText());
        assertEquals("group", downstairs.path("type").asText());
        assertEquals(
                List.of(KITCHEN, LIVING_ROOM),
                List.of(
                        downstairs.path("group_members").get(0).asText(),
                        downstairs.path("group_members").get(1).asText()));

        JsonNode garage = ok(relay("player.get", Map.of("player_id", GARAGE)));
        assertEquals("Garage", garage.path("name").asText());
        assertFalse(garage.path("available").asBoolean(true));

        JsonNode bedroom = ok(relay("player.control", args("player_id", BEDROOM, "action", "volume_set", "value", 40)));
        assertEquals(40, bedroom.path("volume_level").asInt());
        assertEquals(40, sim.player(BEDROOM).orElseThrow().volumeLevel());

        JsonNode played = ok(relay(
                "player.play",
                args(
                        "player_id",
                        LIVING_ROOM,
                        "query",
                        args(
                                "kind",
                                "any",
                                "name",
                                "Radiohead",
                                "exact",
                                false,
                                "max_tracks",
                                100,
                                "explicit_allowed",
                                true))));
        assertEquals("artist", played.path("kind").asText());
        assertEquals("Radiohead", played.path("name").asText());
        assertEquals("playing", played.path("player").path("playback_state").asText());
        assertEquals(
                PlaybackState.PLAYING, sim.player(LIVING_ROOM).orElseThrow().playbackState());

        JsonNode moved = ok(relay("player.transfer", args("from_player_id", LIVING_ROOM, "to_player_id", KITCHEN)));
        assertEquals(KITCHEN, moved.path("player_id").asText());
        assertEquals("playing", moved.path("playback_state").asText());
        assertEquals(
                played.path("player").path("now_playing").path("uri").asText(),
                moved.path("now_playing").path("uri").asText(),
                "the same track, now in the Kitchen");
        assertEquals(1, sim.commandCount("player_queues/transfer"));
    }

    @Test
    void badArgumentsAreProtocolErrorsAndReachNothing() {
        List<String> before = playerMutations();
        assertEquals(
                RelayError.INVALID_ARGS,
                errorCode(relay("player.control", args("player_id", BEDROOM, "action", "volume_set", "value", 250))));
        assertEquals(
                RelayError.INVALID_ARGS,
                errorCode(
                        relay("player.control", args("player_id", BEDROOM, "action", "volume_adjust", "value", -101))));
        assertEquals(RelayError.INVALID_ARGS, errorCode(relay("player.control", args("action", "pause"))));
        assertEquals(
                RelayError.INVALID_ARGS,
                errorCode(relay("player.control", args("player_id", BEDROOM, "action", "explode"))));
        assertEquals(
                RelayError.INVALID_ARGS,
                errorCode(relay("player.control", args("player_id", BEDROOM, "action", "mute"))));
        assertEquals(
                RelayError.INVALID_ARGS,
                errorCode(
                        relay("player.control", args("player_id", BEDROOM, "action", "repeat", "repeat", "forever"))));
        assertEquals(RelayError.INVALID_ARGS, errorCode(relay("player.control", null)));
        assertEquals(RelayError.INVALID_ARGS, errorCode(relay("player.get", Map.of())));
        assertEquals(RelayError.INVALID_ARGS, errorCode(relay("player.get", args("player_id", ""))));
        assertEquals(RelayError.INVALID_ARGS, errorCode(relay("player.play", args("player_id", BEDROOM))));
        assertEquals(
                RelayError.INVALID_ARGS,
                errorCode(relay(
                        "player.play",
                        args("player_id", BEDROOM, "query", args("kind", "podcast", "name", "x", "max_tracks", 5)))));
        assertEquals(RelayError.INVALID_ARGS, errorCode(relay("player.transfer", args("from_player_id", KITCHEN))));
        assertEquals(
                RelayError.INVALID_ARGS,
                errorCode(relay("player.transfer", args("from_player_id", KITCHEN, "to_player_id", KITCHEN))));
        assertEquals(before, playerMutations(), "nothing reached Music Assistant");

        // what the arguments name decides the rest
        assertEquals(RelayError.NO_SUCH_PLAYER, errorCode(relay("player.get", args("player_id", "no-such-player"))));
        assertEquals(
                RelayError.PLAYER_UNAVAILABLE,
                errorCode(relay("player.control", args("player_id", GARAGE, "action", "play"))));
        assertEquals(
                RelayError.UNSUPPORTED,
                errorCode(relay("player.control", args("player_id", BEDROOM, "action", "mute", "on", true))));
        assertEquals(
                RelayError.NO_SUCH_PLAYER,
                errorCode(relay("player.transfer", args("from_player_id", KITCHEN, "to_player_id", "no-such-player"))));
        assertEquals(before, playerMutations());

        // the worker is still fine
        assertTrue(ok(relay("ping", Map.of())).path("pong").asBoolean());
    }

    @Test
    void anEchoPlayerIsATriggerForTheCloudAndPlaysItsQueueThroughTheRelay() {
        String hall = EchoMac.of(CloudStandIn.INSTANCE_ID, "hall-echo");
        JsonNode echo = ok(relay("player.get", Map.of("player_id", hall)));
        assertEquals("echo", echo.path("type").asText());
        assertEquals("Hall Echo", echo.path("name").asText());
        assertEquals(0, echo.path("features").size());

        JsonNode album = connector.ma().call("music/albums/library_items", Map.of("limit", 1), WAIT);
        connector
                .ma()
                .call(
                        "player_queues/play_media",
                        Map.of(
                                "queue_id",
                                hall,
                                "media",
                                album.get(0).path("uri").asText(),
                                "option",
                                "replace"),
                        WAIT);
        await(
                "the trigger",
                WAIT,
                () -> cloud.acceptedEvents(hall).stream().anyMatch(e -> e.type().equals(PlayerEvent.PLAY_REQUESTED)));

        JsonNode current =
                ok(relay("echo.queue", Map.of("echo", "hall-echo", "step", "current", "user_initiated", false)));
        String playing = connector
                .ma()
                .call("player_queues/get", Map.of("queue_id", hall), WAIT)
                .path("current_item")
                .path("queue_item_id")
                .asText();
        assertEquals(playing, current.path("item").path("queue_item_id").asText());
        assertEquals("Hall Echo", current.path("name").asText());
        assertEquals(
                RelayError.NOT_FOUND,
                errorCode(
                        relay("echo.queue", Map.of("echo", "attic-echo", "step", "current", "user_initiated", false))));
    }

    @Test
    void playerChangesInMusicAssistantReachTheCloud() {
        sim.updatePlayer(DOWNSTAIRS, p -> p.withName("Ground floor"));
        await(
                "the report",
                WAIT,
                () -> cloud.lastAccepted(DOWNSTAIRS) != null
                        && "Ground floor".equals(cloud.lastAccepted(DOWNSTAIRS).name()));
        CloudStandIn.Post post = cloud.accepted().getLast();
        assertEquals("/v1/homes/" + CloudStandIn.INSTANCE_ID + "/events", post.path());
        assertEquals("Bearer " + CloudStandIn.SECRET, post.authorization());
        assertEquals(
                PlayerEvent.CHANGED, cloud.acceptedEvents(DOWNSTAIRS).getLast().type());
        sim.updatePlayer(DOWNSTAIRS, p -> p.withName("Downstairs"));
    }

    @Test
    void aMusicAssistantReconnectResyncsEveryPlayer() {
        int connectedBefore = sim.connectedClients();
        assertTrue(connectedBefore >= 1);
        cloud.clear();
        sim.disconnectAll();
        await("the connection to drop", WAIT, () -> !connector.ma().connected());
        // changed while the connector was not listening
        sim.updatePlayer(GARAGE, p -> p.withHideInUi(true));
        await(
                "Music Assistant to reconnect",
                SimulatorSupport.CONNECT_TIMEOUT,
                () -> connector.ma().connected());
        await(
                "the resync",
                WAIT,
                () -> ids(cloud.acceptedEvents())
                        .containsAll(Set.of(KITCHEN, LIVING_ROOM, BEDROOM, DOWNSTAIRS, GARAGE)));
        // the unchanged players are reported again: only a resync does that
        for (String id : List.of(KITCHEN, LIVING_ROOM, BEDROOM, DOWNSTAIRS)) {
            PlayerEvent last = cloud.acceptedEvents(id).getLast();
            assertEquals(PlayerEvent.CHANGED, last.type(), id);
            assertEquals(id, last.player().playerId());
        }
        List<PlayerEvent> garage = cloud.acceptedEvents(GARAGE);
        assertEquals(PlayerEvent.REMOVED, garage.getLast().type(), "hidden while the connection was down");
        sim.updatePlayer(GARAGE, p -> p.withHideInUi(false));
        await(
                "the Garage's return",
                WAIT,
                () -> !cloud.acceptedEvents(GARAGE).getLast().type().equals(PlayerEvent.REMOVED));
    }
}
