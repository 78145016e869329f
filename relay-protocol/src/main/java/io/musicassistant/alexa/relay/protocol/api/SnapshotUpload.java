package io.musicassistant.alexa.relay.protocol.api;

import java.util.Map;

/**
 * Where a home's snapshot goes: a presigned {@code PUT} URL for exactly the announced bytes, the
 * headers the upload must carry, and when the URL stops working.
 */
public record SnapshotUpload(String url, Map<String, String> headers, long expiresAtMs) {

    public SnapshotUpload {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    @Override
    public String toString() {
        return "SnapshotUpload[url=[redacted], expiresAtMs=" + expiresAtMs + "]";
    }
}
