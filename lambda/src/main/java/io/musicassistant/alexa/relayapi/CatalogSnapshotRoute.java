package io.musicassistant.alexa.relayapi;

import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.platform.RateLimiter;
import io.musicassistant.alexa.relay.protocol.api.SnapshotUploadRequest;
import io.musicassistant.alexa.relayapi.HomeRegistry.AuthenticatedHome;
import java.util.Optional;

/**
 * {@code POST /v1/homes/{id}/catalog-snapshot}: a presigned upload for the home's library snapshot.
 * Refused requests (400, 413) do not count against the daily limit: only URLs handed out do, since
 * each is one upload the build will read.
 */
final class CatalogSnapshotRoute implements Route.OfHome {

    private static final JsonLog LOG = JsonLog.get(RelayApi.class);

    private final RateLimiter limiter;
    private final SnapshotUploads snapshots;

    /** @param snapshots null when the deployment has no catalog bucket */
    CatalogSnapshotRoute(RateLimiter limiter, SnapshotUploads snapshots) {
        this.limiter = limiter;
        this.snapshots = snapshots;
    }

    @Override
    public RouteKey key() {
        return RouteKey.post("/v1/homes/{id}/catalog-snapshot");
    }

    @Override
    public ApiResponse handle(ApiRequest request, AuthenticatedHome home) {
        if (snapshots == null) {
            // A deployment without catalogs; the connector keeps its snapshot and asks again later.
            return ApiResponse.error(
                            503,
                            "catalog_unavailable",
                            "this deployment does not take library snapshots (CATALOG_BUCKET is not configured)")
                    .withHeader("retry-after", "3600");
        }
        SnapshotUploadRequest body = JsonBodies.body(request, SnapshotUploadRequest.class);
        Optional<SnapshotUploads.Refusal> refusal = SnapshotUploads.check(body);
        if (refusal.isPresent()) {
            return refusal.get().tooLarge()
                    ? ApiResponse.error(413, "payload_too_large", refusal.get().message())
                    : ApiResponse.error(400, "invalid_request", refusal.get().message());
        }
        limiter.hit(RelayApi.SNAPSHOTS_PER_HOME, home.home().instanceId());
        LOG.info("catalog.snapshot_presigned", "bytes", body.bytes(), "entities", body.entities());
        return ApiResponse.json(200, snapshots.presign(home.home().instanceId(), body));
    }
}
