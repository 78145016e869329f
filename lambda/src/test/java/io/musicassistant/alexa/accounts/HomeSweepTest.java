package io.musicassistant.alexa.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.musicassistant.alexa.platform.Attrs;
import io.musicassistant.alexa.platform.Tables;
import io.musicassistant.alexa.relay.HomeDirectory;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.api.HomeRetention;
import io.musicassistant.alexa.relay.protocol.api.PairingCode;
import io.musicassistant.alexa.testing.CloudFixture;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * The daily sweep against Moto and ElasticMQ, run with a clock moved into the future: what is due
 * goes whole (row, queue, links, grants, code, snapshot, endpoint states), what is not stays.
 */
class HomeSweepTest {

    CloudFixture cloud;
    DynamoDbClient dynamo;
    HomeDirectory directory;
    final List<String> snapshotsDeleted = new ArrayList<>();

    @BeforeEach
    void setUp() {
        cloud = CloudFixture.create(); // a fixture per test: the sweep scans every home of its tables
        dynamo = cloud.wiring.aws().dynamoDb();
        directory = new HomeDirectory(dynamo, cloud.wiring.tables());
    }

    HomeSweep.Report sweepAfter(Duration later) {
        return new HomeSweep(
                        dynamo,
                        cloud.wiring.aws().sqs(),
                        cloud.wiring.tables(),
                        Clock.offset(Clock.systemUTC(), later),
                        snapshotsDeleted::add)
                .run();
    }

    String table(Tables.Spec spec) {
        return cloud.wiring.tables().name(spec);
    }

    boolean exists(Tables.Spec spec, String key) {
        var item = dynamo.getItem(
                        b -> b.tableName(table(spec)).consistentRead(true).key(Attrs.key(spec.key(), key)))
                .item();
        return item != null && !item.isEmpty();
    }

    void put(Tables.Spec spec, String key) {
        dynamo.putItem(
                b -> b.tableName(table(spec)).item(Map.of(spec.key(), Attrs.s(key), "updated_at_ms", Attrs.n(1))));
    }

    boolean queueExists(CloudFixture.Home home) {
        try {
            cloud.queueUrl(home);
            return true;
        } catch (QueueDoesNotExistException e) {
            return false;
        }
    }

    @Test
    void aRegistrationNeverPairedGoesAfterThirtyDaysWithItsQueueAndCode() {
        CloudFixture.Home home = cloud.registerHome();
        String code = RelayJson.read(
                        cloud.relay("POST", "/v1/homes/" + home.instanceId() + "/pairing-code", home.secret(), null)
                                .body(),
                        PairingCode.class)
                .code();

        assertEquals(new HomeSweep.Report(1, 0, 0, 0), sweepAfter(Duration.ofDays(29)), "not yet");
        assertTrue(queueExists(home));

        assertEquals(new HomeSweep.Report(1, 1, 0, 0), sweepAfter(Duration.ofDays(31)));
        assertFalse(exists(Tables.HOMES, home.instanceId()));
        assertFalse(queueExists(home), "the queue went with it");
        assertFalse(exists(
                Tables.PAIRING_CODES, io.musicassistant.alexa.platform.Hashes.sha256Hex("pairing-code:" + code)));
        assertEquals(List.of(home.instanceId()), snapshotsDeleted);
        // 410 unknown_home with the deployment's proof: the one answer on which a connector retires its identity
        assertEquals(
                410,
                cloud.relay(
                                "POST",
                                "/v1/homes/" + home.instanceId() + "/heartbeat",
                                home.secret(),
                                Map.of("status", "online", "connector_version", "t"))
                        .status(),
                "the connector learns its home is gone");
    }

    @Test
    void aPairedHomeIsKeptForNinetyDaysAfterItsLastHeartbeatThenGoesWithLinksGrantsAndStates() {
        CloudFixture.User user = cloud.newUser();
        CloudFixture.Home home = cloud.pairedHome(user);
        put(Tables.GRANTS, user.userId());
        String state = home.instanceId() + "#" + user.userId() + "#kitchen";
        put(Tables.ENDPOINT_STATE, state);

        assertEquals(
                new HomeSweep.Report(1, 0, 0, 0), sweepAfter(Duration.ofDays(31)), "paired: the 30 days do not apply");
        assertEquals(new HomeSweep.Report(1, 0, 0, 0), sweepAfter(Duration.ofDays(89)));
        assertTrue(exists(Tables.ENDPOINT_STATE, state));

        assertEquals(new HomeSweep.Report(1, 0, 1, 1), sweepAfter(Duration.ofDays(91)));
        assertFalse(exists(Tables.HOMES, home.instanceId()));
        assertFalse(queueExists(home));
        assertEquals(Optional.empty(), directory.linkedInstance(user.userId()), "the link went");
        assertFalse(exists(Tables.GRANTS, user.userId()), "the grant went");
        assertFalse(exists(Tables.ENDPOINT_STATE, state), "the endpoint state went");
    }

    @Test
    void anAccountThatMovedOnKeepsItsNewLinkAndGrant() {
        CloudFixture.User user = cloud.newUser();
        CloudFixture.Home old = cloud.pairedHome(user);
        // The old home's row still lists the user (as if the move raced the sweep); the link points elsewhere.
        dynamo.putItem(b -> b.tableName(table(Tables.LINKS))
                .item(Map.of(
                        Tables.LINKS.key(),
                        Attrs.s(user.userId()),
                        "instance_id",
                        Attrs.s("home-elsewhere"),
                        "linked_at_ms",
                        Attrs.n(1))));
        put(Tables.GRANTS, user.userId());
        sweepAfter(Duration.ofDays(91));
        assertFalse(exists(Tables.HOMES, old.instanceId()));
        assertEquals(Optional.of("home-elsewhere"), directory.linkedInstance(user.userId()));
        assertTrue(exists(Tables.GRANTS, user.userId()));
    }

    @Test
    void statesOfAccountsThatLeftAreDeletedAndOthersKept() {
        CloudFixture.User stays = cloud.newUser();
        CloudFixture.User leaves = cloud.newUser();
        CloudFixture.Home home = cloud.pairedHome(stays);
        cloud.pair(home, leaves);
        String kept = home.instanceId() + "#" + stays.userId() + "#kitchen";
        String gone = home.instanceId() + "#" + leaves.userId() + "#kitchen";
        put(Tables.ENDPOINT_STATE, kept);
        put(Tables.ENDPOINT_STATE, gone);
        put(Tables.ENDPOINT_STATE, "malformed-key");
        assertTrue(cloud.wiring.accounts().unlink(leaves.userId()));

        assertEquals(new HomeSweep.Report(1, 0, 0, 1), sweepAfter(Duration.ZERO));
        assertTrue(exists(Tables.ENDPOINT_STATE, kept));
        assertFalse(exists(Tables.ENDPOINT_STATE, gone));
        assertTrue(exists(Tables.HOMES, home.instanceId()));
    }

    @Test
    void retentionDates() {
        long day = Duration.ofDays(1).toMillis();
        assertEquals(new HomeRetention(30 * day, HomeRetention.NEVER_PAIRED), HomeSweep.retention(0, 0, 5 * day));
        assertEquals(new HomeRetention(95 * day, HomeRetention.SILENT), HomeSweep.retention(0, 2 * day, 5 * day));
        assertEquals(new HomeRetention(92 * day, HomeRetention.SILENT), HomeSweep.retention(0, 2 * day, 0));
    }
}
