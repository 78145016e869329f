package io.musicassistant.alexa.connector.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.relay.protocol.api.HomeRetention;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connector's warnings before the cloud removes its home: when, how often, and while the cloud is out of reach. */
class RetentionWatchTest {

    static final long DAY = Duration.ofDays(1).toMillis();
    final List<String> lines = new ArrayList<>();
    Consumer<String> previous;
    long now = 1_800_000_000_000L;
    final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now);
        }
    };

    @BeforeEach
    void capture() {
        previous = JsonLog.setSink(lines::add);
    }

    @AfterEach
    void restore() {
        JsonLog.setSink(previous);
    }

    long warnings() {
        return lines.stream().filter(l -> l.contains("home.removal_soon")).count();
    }

    @Test
    void anUnpairedHomeIsWarnedInItsLastWeekOnceADay() {
        RetentionWatch watch = new RetentionWatch(clock);
        long created = now;
        watch.observe(new HomeRetention(created + 30 * DAY, HomeRetention.NEVER_PAIRED), now);
        assertEquals(0, warnings(), "23 days and more ahead: no warning");
        assertTrue(lines.stream().anyMatch(l -> l.contains("home.retention")), "the date is told once at start");

        now += 24 * DAY;
        watch.observe(new HomeRetention(created + 30 * DAY, HomeRetention.NEVER_PAIRED), now);
        assertEquals(1, warnings());
        String line = lines.stream()
                .filter(l -> l.contains("home.removal_soon"))
                .findFirst()
                .orElseThrow();
        assertTrue(
                line.contains("\"level\":\"WARN\"")
                        && line.contains("never_paired")
                        && line.contains("\"days_left\":6"),
                line);
        now += DAY / 2;
        watch.observe(new HomeRetention(created + 30 * DAY, HomeRetention.NEVER_PAIRED), now);
        assertEquals(1, warnings(), "not with every heartbeat");
        now += DAY;
        watch.observe(new HomeRetention(created + 30 * DAY, HomeRetention.NEVER_PAIRED), now);
        assertEquals(2, warnings(), "again the next day");

        watch.observe(new HomeRetention(now + 90 * DAY, HomeRetention.SILENT), now); // paired meanwhile
        assertFalse(watch.warned());
        assertEquals(2, warnings());
    }

    @Test
    void aConnectorThatCannotReachTheCloudWarnsBeforeItsHomeIsRemoved() {
        RetentionWatch watch = new RetentionWatch(clock);
        watch.unreachable();
        assertEquals(0, warnings(), "no date known yet");
        watch.observe(new HomeRetention(now + 90 * DAY, HomeRetention.SILENT), now);
        now += 10 * DAY;
        watch.unreachable();
        assertEquals(0, warnings(), "80 days left");
        now += 75 * DAY;
        watch.unreachable();
        assertEquals(1, warnings());
        assertTrue(lines.getLast().contains("RELAY_API_URL"), lines.getLast());
    }

    @Test
    void theCloudsClockIsNotThisMachines() {
        RetentionWatch watch = new RetentionWatch(clock);
        long skew = 3 * DAY; // the cloud's clock is three days ahead
        watch.observe(new HomeRetention(now + skew + 8 * DAY, HomeRetention.NEVER_PAIRED), now + skew);
        assertEquals(0, warnings(), "8 days left, whatever the clocks say");
        watch.observe(null, now);
        assertEquals(0, warnings(), "older clouds send no date");
    }
}
