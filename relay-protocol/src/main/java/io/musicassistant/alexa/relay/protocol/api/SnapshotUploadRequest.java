package io.musicassistant.alexa.relay.protocol.api;

/**
 * {@code POST /v1/homes/{id}/catalog-snapshot}: a home asks where to put its new library snapshot.
 *
 * @param bytes size of the gzip file it will upload
 * @param sha256 base64 of the SHA-256 of those bytes; the upload must match it
 * @param entities how many lines it holds
 */
public record SnapshotUploadRequest(long bytes, String sha256, int entities) {}
