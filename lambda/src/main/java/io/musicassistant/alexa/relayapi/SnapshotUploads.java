package io.musicassistant.alexa.relayapi;

import io.musicassistant.alexa.relay.protocol.api.SnapshotUpload;
import io.musicassistant.alexa.relay.protocol.api.SnapshotUploadRequest;
import io.musicassistant.alexa.relay.protocol.catalog.CatalogSnapshot;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * Where a home puts its library snapshot (docs/catalogs.md): a presigned {@code PUT} of its one
 * object in the catalog bucket, {@code snapshots/<instance id>/library.ndjson.gz}. The URL signs
 * the size, the SHA-256 checksum ({@code x-amz-checksum-sha256}, which S3 verifies against the body)
 * and the content type, so it is good for exactly the announced bytes: a leaked URL cannot be used to
 * store anything else, and the key comes from the authenticated home, never from the request.
 */
public final class SnapshotUploads {

    /** Long enough for a slow home line to send a few MB, short enough that a leaked URL soon dies. */
    public static final Duration VALIDITY = Duration.ofMinutes(15);

    private static final int SHA256_BYTES = 32;

    private final S3Presigner presigner;
    private final String bucket;

    public SnapshotUploads(S3Presigner presigner, String bucket) {
        this.presigner = presigner;
        this.bucket = bucket;
    }

    /** Why a request cannot be presigned: {@code tooLarge} is a 413, anything else a 400. */
    public record Refusal(boolean tooLarge, String message) {}

    /** Checks a request against the snapshot limits; empty when it may be presigned. */
    public static Optional<Refusal> check(SnapshotUploadRequest request) {
        if (request.bytes() < 1) {
            return Optional.of(new Refusal(false, "bytes must be at least 1"));
        }
        if (request.entities() < 0) {
            return Optional.of(new Refusal(false, "entities must not be negative"));
        }
        if (!validSha256(request.sha256())) {
            return Optional.of(new Refusal(false, "sha256 must be the base64 of 32 bytes"));
        }
        if (request.bytes() > CatalogSnapshot.MAX_BYTES) {
            return Optional.of(new Refusal(true, "a snapshot is limited to " + CatalogSnapshot.MAX_BYTES + " bytes"));
        }
        if (request.entities() > CatalogSnapshot.MAX_ENTITIES) {
            return Optional.of(
                    new Refusal(true, "a snapshot is limited to " + CatalogSnapshot.MAX_ENTITIES + " entities"));
        }
        return Optional.empty();
    }

    /**
     * A URL for {@code instanceId}'s snapshot, valid {@link #VALIDITY}. The headers are every signed
     * header but {@code host} (the URL carries it); the upload must send them as they are.
     */
    public SnapshotUpload presign(String instanceId, SnapshotUploadRequest request) {
        PutObjectRequest put = PutObjectRequest.builder()
                .bucket(bucket)
                .key(CatalogSnapshot.key(instanceId))
                .contentType(CatalogSnapshot.CONTENT_TYPE)
                .contentLength(request.bytes())
                .checksumSHA256(request.sha256())
                .build();
        PresignedPutObjectRequest presigned =
                presigner.presignPutObject(b -> b.signatureDuration(VALIDITY).putObjectRequest(put));
        Map<String, String> headers = new TreeMap<>();
        for (Map.Entry<String, List<String>> header : presigned.signedHeaders().entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!name.equals("host")) {
                headers.put(name, String.join(",", header.getValue()));
            }
        }
        return new SnapshotUpload(
                presigned.url().toString(), headers, presigned.expiration().toEpochMilli());
    }

    /** Standard base64 (what S3 expects in x-amz-checksum-sha256) of exactly 32 bytes, padded. */
    static boolean validSha256(String value) {
        if (value == null || value.length() != 44) {
            return false;
        }
        try {
            byte[] digest = Base64.getDecoder().decode(value);
            return digest.length == SHA256_BYTES
                    && Base64.getEncoder().encodeToString(digest).equals(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
