package io.musicassistant.alexa.relayapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.musicassistant.alexa.accounts.HomeSweep;
import io.musicassistant.alexa.accounts.LinkLabels;
import io.musicassistant.alexa.relay.HomeDirectory;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.api.HeartbeatAck;
import io.musicassistant.alexa.relay.protocol.api.HeartbeatRequest;
import io.musicassistant.alexa.relay.protocol.api.HomeLinks;
import io.musicassistant.alexa.relay.protocol.api.HomeRetention;
import io.musicassistant.alexa.relay.protocol.api.LinkRevoked;
import io.musicassistant.alexa.testing.CloudFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The connector's view of its linked accounts over the real relay API (Moto, ElasticMQ, the LWA
 * stand-in): labels and dates only, owner first, revocation by label, the home's secret required.
 */
class AccountRoutesTest {

    static CloudFixture cloud;
    static HomeDirectory directory;

    @BeforeAll
    static void setUp() {
        cloud = CloudFixture.create();
        directory = new HomeDirectory(cloud.wiring.aws().dynamoDb(), cloud.wiring.tables());
    }

    static HomeLinks links(CloudFixture.Home home) {
        ApiResponse r = cloud.relay("POST", "/v1/homes/" + home.instanceId() + "/links", home.secret(), null);
        assertEquals(200, r.status(), r.body());
        return RelayJson.read(r.body(), HomeLinks.class);
    }

    static ApiResponse revoke(CloudFixture.Home home, String label) {
        return cloud.relay(
                "POST", "/v1/homes/" + home.instanceId() + "/links/revoke", home.secret(), Map.of("label", label));
    }

    @Test
    void theHomeSeesLabelsAndDatesOwnerFirstAndNeverAnAccountId() throws InterruptedException {
        CloudFixture.User first = cloud.newUser();
        CloudFixture.User second = cloud.newUser();
        CloudFixture.Home home = cloud.pairedHome(first);
        Thread.sleep(5); // distinct linking times
        cloud.pair(home, second);
        ApiResponse raw = cloud.relay("POST", "/v1/homes/" + home.instanceId() + "/links", home.secret(), null);
        assertFalse(raw.body().contains(first.userId()) || raw.body().contains(second.userId()), raw.body());
        assertFalse(raw.body().contains("amzn1."), raw.body());
        List<HomeLinks.Link> links = links(home).links();
        assertEquals(2, links.size());
        assertTrue(links.get(0).owner() && !links.get(1).owner(), "the account linked first is the owner");
        assertTrue(links.get(0).linkedAtMs() <= links.get(1).linkedAtMs());
        links.forEach(l -> assertTrue(LinkLabels.FORMAT.matcher(l.label()).matches(), l.label()));
        assertEquals(links, links(home).links(), "labels are stable");
        assertTrue(links.get(0).linkedAtMs()
                > System.currentTimeMillis() - Duration.ofMinutes(5).toMillis());
    }

    @Test
    void theOwnerStaysOwnerWhenItClaimsACodeOfTheSameHomeAgain() throws InterruptedException {
        CloudFixture.User owner = cloud.newUser();
        CloudFixture.User guest = cloud.newUser();
        CloudFixture.Home home = cloud.pairedHome(owner);
        Thread.sleep(5);
        cloud.pair(home, guest);
        HomeLinks before = links(home);
        Thread.sleep(5);
        cloud.pair(home, owner);
        assertEquals(before, links(home), "same labels, dates and owner");
    }

    @Test
    void oneAccountsLabelDiffersBetweenHomes() {
        CloudFixture.User user = cloud.newUser();
        CloudFixture.Home a = cloud.pairedHome(user);
        String inA = links(a).links().getFirst().label();
        CloudFixture.Home b = cloud.pairedHome(user); // moves the account to b
        assertEquals(List.of(), links(a).links());
        assertFalse(inA.equals(links(b).links().getFirst().label()), "labels of two homes cannot be matched up");
    }

    @Test
    void revokingALabelRemovesThatLinkAndItsGrantOnly() {
        CloudFixture.User owner = cloud.newUser();
        CloudFixture.User guest = cloud.newUser();
        CloudFixture.Home home = cloud.pairedHome(owner);
        cloud.pair(home, guest);
        cloud.putGrantRow(owner);
        cloud.putGrantRow(guest);
        HomeLinks.Link guestLink = links(home).links().get(1);

        ApiResponse r = revoke(home, guestLink.label().toLowerCase().replace("-", ""));
        assertEquals(200, r.status(), r.body());
        assertEquals(new LinkRevoked(true, 1), RelayJson.read(r.body(), LinkRevoked.class));
        assertEquals(Optional.empty(), directory.linkedInstance(guest.userId()));
        assertFalse(cloud.hasGrant(guest), "the revoked account's grant is gone");
        assertEquals(Optional.of(home.instanceId()), directory.linkedInstance(owner.userId()));
        assertTrue(cloud.hasGrant(owner));
        assertEquals(List.of(owner.userId()), directory.linkedUsers(home.instanceId()));

        assertEquals(
                new LinkRevoked(false, 1),
                RelayJson.read(revoke(home, guestLink.label()).body(), LinkRevoked.class),
                "a second revocation finds nothing");
        HomeLinks.Link ownerLink = links(home).links().getFirst();
        assertEquals(
                new LinkRevoked(true, 0),
                RelayJson.read(revoke(home, ownerLink.label()).body(), LinkRevoked.class));
        HeartbeatAck ack = RelayJson.read(
                cloud.relay(
                                "POST",
                                "/v1/homes/" + home.instanceId() + "/heartbeat",
                                home.secret(),
                                new HeartbeatRequest(
                                        "online",
                                        "test-1",
                                        new HeartbeatRequest.MaStatus(true, "sim", "2.9.0", 31),
                                        null))
                        .body(),
                HeartbeatAck.class);
        assertFalse(ack.paired(), "with its last account revoked the home is unpaired and shows codes again");
    }

    @Test
    void anAccountThatUnlinksItselfOverTheApiTakesItsGrant() {
        CloudFixture.User user = cloud.newUser();
        CloudFixture.Home home = cloud.pairedHome(user);
        cloud.putGrantRow(user);
        ApiResponse r = cloud.relay("DELETE", "/v1/pairings", user.token(), null);
        assertEquals(200, r.status(), r.body());
        assertEquals(Optional.empty(), directory.linkedInstance(user.userId()));
        assertFalse(cloud.hasGrant(user), "no token of someone who left");
        assertEquals(List.of(), links(home).links());
    }

    @Test
    void aLinkThatMovedToAnotherHomeIsNotRevokedByTheOldOne() {
        CloudFixture.User user = cloud.newUser();
        CloudFixture.Home old = cloud.pairedHome(user);
        String label = links(old).links().getFirst().label();
        CloudFixture.Home moved = cloud.pairedHome(user);
        assertEquals(
                new LinkRevoked(false, 0), RelayJson.read(revoke(old, label).body(), LinkRevoked.class));
        assertEquals(Optional.of(moved.instanceId()), directory.linkedInstance(user.userId()));
    }

    @Test
    void theRoutesNeedTheHomesSecretAndAWellFormedLabel() {
        CloudFixture.User user = cloud.newUser();
        CloudFixture.Home home = cloud.pairedHome(user);
        CloudFixture.Home other = cloud.registerHome();
        assertEquals(
                401,
                cloud.relay("POST", "/v1/homes/" + home.instanceId() + "/links", other.secret(), null)
                        .status());
        assertEquals(
                401,
                cloud.relay(
                                "POST",
                                "/v1/homes/" + home.instanceId() + "/links/revoke",
                                null,
                                Map.of("label", "AAAA-AAAA"))
                        .status());
        assertEquals(400, revoke(home, "not a label").status());
        assertEquals(
                400,
                cloud.relay("POST", "/v1/homes/" + home.instanceId() + "/links/revoke", home.secret(), "[1]")
                        .status());
        assertEquals(
                405,
                cloud.relay("GET", "/v1/homes/" + home.instanceId() + "/links", home.secret(), null)
                        .status());
        assertEquals(Optional.of(home.instanceId()), directory.linkedInstance(user.userId()), "nothing was revoked");
    }

    @Test
    void theRoutesAreRateLimitedPerHome() {
        CloudFixture.Home home = cloud.registerHome();
        int ok = 0;
        ApiResponse last = null;
        for (int i = 0; i < 31; i++) {
            last = cloud.relay("POST", "/v1/homes/" + home.instanceId() + "/links", home.secret(), null);
            ok += last.status() == 200 ? 1 : 0;
        }
        assertEquals(30, ok);
        assertEquals(429, last.status());
    }

    @Test
    void heartbeatsSayWhenTheHomeWouldBeRemoved() {
        CloudFixture.Home unpaired = cloud.registerHome();
        HeartbeatAck ack = RelayJson.read(
                cloud.relay(
                                "POST",
                                "/v1/homes/" + unpaired.instanceId() + "/heartbeat",
                                unpaired.secret(),
                                new HeartbeatRequest("online", "test-1", null, null))
                        .body(),
                HeartbeatAck.class);
        assertEquals(HomeRetention.NEVER_PAIRED, ack.retention().reason());
        long days = Duration.ofMillis(ack.retention().removeAtMs() - ack.serverTimeMs())
                .toDays();
        assertTrue(days == 29 || days == 30, "30 days after registration: " + days);

        CloudFixture.Home paired = cloud.pairedHome(cloud.newUser());
        ack = RelayJson.read(
                cloud.relay(
                                "POST",
                                "/v1/homes/" + paired.instanceId() + "/heartbeat",
                                paired.secret(),
                                new HeartbeatRequest("online", "test-1", null, null))
                        .body(),
                HeartbeatAck.class);
        assertEquals(
                new HomeRetention(ack.serverTimeMs() + HomeSweep.SILENT.toMillis(), HomeRetention.SILENT),
                ack.retention());
    }
}
