package io.musicassistant.alexa.connector.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.musicassistant.alexa.connector.audio.ReachabilityCheck;
import io.musicassistant.alexa.connector.catalog.CatalogExport;
import io.musicassistant.alexa.connector.catalog.CatalogScheduler;
import io.musicassistant.alexa.connector.catalog.Fingerprints;
import io.musicassistant.alexa.connector.relay.HomeLink;
import io.musicassistant.alexa.connector.relay.RelayQueueWorker;
import io.musicassistant.alexa.relay.protocol.api.PairingCode;
import org.junit.jupiter.api.Test;

/** How the parts' states become the page's states and codes. */
class StatusReportTest {

    @Test
    void freeTextsKeepOnlyTheOriginOfAnyUrl() {
        assertEquals(
                "HTTP 403 from https://music.example.org",
                StatusReport.scrub("HTTP 403 from https://music.example.org/stream/v1/abc?exp=1&sig=SECRET"));
        assertEquals(
                "cannot reach http://nas.local:8099 now",
                StatusReport.scrub("cannot reach http://user:pw@nas.local:8099/selftest/v1/x?sig=y now"));
        assertEquals(200 + 1, StatusReport.scrub("x".repeat(500)).length(), "one line on the page");
        assertNull(StatusReport.scrub(null));
    }

    @Test
    void pairingShowsTheCodeOnlyWhileUnpaired() {
        PairingCode code = new PairingCode("12345678", 99);
        assertEquals(
                new Status.Pairing("unknown", null, null, null),
                StatusReport.pairing(new HomeLink.Status(null, code, null, 0, null)));
        assertEquals(
                new Status.Pairing("unpaired", "12345678", 99L, 0),
                StatusReport.pairing(new HomeLink.Status(false, code, 0, 5, null)));
        assertEquals(
                new Status.Pairing("paired", null, null, 2),
                StatusReport.pairing(new HomeLink.Status(true, code, 2, 5, null)));
    }

    @Test
    void theRelayFailsWhenHeartbeatsOrQueuePollsDo() {
        HomeLink.Status none = new HomeLink.Status(null, null, null, 0, null);
        HomeLink.Status answered = new HomeLink.Status(true, null, 1, 1000, null);
        HomeLink.Status refused = new HomeLink.Status(null, null, null, 1000, "unauthorized");
        RelayQueueWorker.Polling working = new RelayQueueWorker.Polling(900, 0, null);
        RelayQueueWorker.Polling failing = new RelayQueueWorker.Polling(900, 3, "SdkClientException");
        assertEquals("unknown", StatusReport.relay(none, null).state());
        assertEquals("ok", StatusReport.relay(answered, working).state());
        assertEquals("ok", StatusReport.relay(none, working).state());
        Status.Relay beat = StatusReport.relay(refused, working);
        assertEquals("failing", beat.state());
        assertEquals("unauthorized", beat.heartbeatError());
        Status.Relay poll = StatusReport.relay(answered, failing);
        assertEquals("failing", poll.state());
        assertEquals("SdkClientException", poll.pollError());
        assertEquals(1000L, poll.lastHeartbeatMs());
    }

    @Test
    void theStreamHasAProblemEvenWhenReachableWithoutRange() {
        assertEquals("unknown", StatusReport.stream(null, null, false).state());
        assertEquals(
                "ok",
                StatusReport.stream("https://b", new ReachabilityCheck.Result(true, null, null, 1), false)
                        .state());
        Status.Stream noRange = StatusReport.stream(
                "https://b", new ReachabilityCheck.Result(true, ReachabilityCheck.Result.NO_RANGE, "x", 1), true);
        assertEquals("problem", noRange.state());
        assertEquals(true, noRange.reachable());
        assertEquals(true, noRange.checking());
    }

    @Test
    void theCatalogSaysOffIdleExportingDoneOrFailed() {
        assertEquals("off", StatusReport.catalog(null).state());
        assertEquals(
                "idle",
                StatusReport.catalog(new CatalogScheduler.State(false, 0, null, 0, null, 0))
                        .state());
        CatalogExport.Outcome outcome = new CatalogExport.Outcome(true, 10, 200, new Fingerprints.Diff(3, 2, 1));
        assertEquals(
                "exporting",
                StatusReport.catalog(new CatalogScheduler.State(true, 5, outcome, 0, null, 0))
                        .state());
        Status.Catalog done = StatusReport.catalog(new CatalogScheduler.State(false, 5, outcome, 0, null, 0));
        assertEquals("done", done.state());
        assertEquals(3, done.added());
        assertEquals(1, done.removed());
        Status.Catalog failed =
                StatusReport.catalog(new CatalogScheduler.State(false, 5, outcome, 9, "rate_limited", 2));
        assertEquals("failed", failed.state());
        assertEquals("rate_limited", failed.error());
        assertEquals(5L, failed.lastExportMs(), "the last good export stays visible");
    }
}
