package io.musicassistant.alexa.connector.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ByteRangeTest {

    private static Optional<ByteRange> resolve(String header, long total) {
        return ByteRange.parse(header).flatMap(r -> ByteRange.resolve(r, total));
    }

    @Test
    void opensClosedAndSuffixRangesResolveAgainstTheLength() {
        assertEquals(Optional.of(new ByteRange(0, 999)), resolve("bytes=0-", 1000));
        assertEquals(Optional.of(new ByteRange(100, 199)), resolve("bytes=100-199", 1000));
        assertEquals(Optional.of(new ByteRange(900, 999)), resolve("bytes=900-5000", 1000), "clamped to the end");
        assertEquals(Optional.of(new ByteRange(800, 999)), resolve("bytes=-200", 1000));
        assertEquals(Optional.of(new ByteRange(0, 999)), resolve("bytes=-5000", 1000));
        assertEquals("bytes 100-199/1000", new ByteRange(100, 199).contentRange(1000));
        assertEquals(100, new ByteRange(100, 199).length());
    }

    @Test
    void unsatisfiableRangesAreEmptyAndMalformedOnesAreIgnored() {
        assertTrue(ByteRange.parse("bytes=1000-").isPresent());
        assertEquals(Optional.empty(), resolve("bytes=1000-", 1000), "starts after the end: 416");
        assertEquals(Optional.empty(), resolve("bytes=-0", 1000));
        for (String ignored : new String[] {
            null, "", "bytes=", "bytes=5-1", "items=0-1", "bytes=0-1,5-9", "bytes=a-b", "bytes=" + "9".repeat(30) + "-"
        }) {
            assertFalse(ByteRange.parse(ignored).isPresent(), "answered with the whole body: " + ignored);
        }
    }

    @Test
    void onlyAnOpenRangeFromZeroIsTheWholeBody() {
        assertTrue(ByteRange.wholeFromStart(ByteRange.parse("bytes=0-").orElseThrow()));
        assertFalse(ByteRange.wholeFromStart(ByteRange.parse("bytes=0-10").orElseThrow()));
        assertFalse(ByteRange.wholeFromStart(ByteRange.parse("bytes=1-").orElseThrow()));
    }
}
