package io.musicassistant.alexa.connector.catalog;

import io.musicassistant.alexa.connector.relay.RelayApiClient;
import io.musicassistant.alexa.relay.protocol.api.SnapshotUpload;
import io.musicassistant.alexa.relay.protocol.api.SnapshotUploadRequest;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends a snapshot file: asks the relay API for a presigned URL ({@code POST
 * /v1/homes/{id}/catalog-snapshot}), then PUTs the file to it with exactly the headers the URL was
 * signed with. The URL is a credential for 15 minutes and is never logged.
 */
public final class SnapshotUploader implements CatalogExport.Uploader {

    /**
     * Headers the JDK's client sets itself and refuses from callers. Content-Length comes from the
     * file, which is checked against the signed value before sending.
     */
    private static final Set<String> SET_BY_CLIENT =
            Set.of("content-length", "host", "connection", "expect", "upgrade");

    private static final Pattern S3_CODE = Pattern.compile("<Code>([A-Za-z0-9]{1,64})</Code>");

    private final RelayApiClient api;
    private final String instanceId;
    private final String secret;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15)).build();

    public SnapshotUploader(RelayApiClient api, String instanceId, String secret) {
        this.api = api;
        this.instanceId = instanceId;
        this.secret = secret;
    }

    /** The PUT was refused or did not finish; {@code code} is S3's error code when it said one. */
    public static final class UploadFailed extends RuntimeException {
        private final int status;

        UploadFailed(int status, String code) {
            super("snapshot upload failed: HTTP " + status + (code == null ? "" : " " + code), null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    @Override
    public void upload(Path file, SnapshotUploadRequest request) {
        SnapshotUpload target = api.catalogSnapshot(instanceId, secret, request);
        String signedLength = target.headers().get("content-length");
        if (signedLength != null && !signedLength.equals(Long.toString(request.bytes()))) {
            throw new IllegalStateException(
                    "the relay signed " + signedLength + " bytes, the snapshot has " + request.bytes());
        }
        HttpRequest.Builder put;
        try {
            put = HttpRequest.newBuilder(URI.create(target.url()))
                    .timeout(timeout(request.bytes()))
                    .PUT(HttpRequest.BodyPublishers.ofFile(file));
        } catch (FileNotFoundException e) {
            throw new IllegalStateException("the snapshot file is gone: " + file, e);
        }
        for (Map.Entry<String, String> header : target.headers().entrySet()) {
            if (!SET_BY_CLIENT.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                put.header(header.getKey(), header.getValue());
            }
        }
        HttpResponse<String> response;
        try {
            response = http.send(put.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UploadFailed(0, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UploadFailed(0, "interrupted");
        }
        if (response.statusCode() / 100 != 2) {
            Matcher code = S3_CODE.matcher(response.body());
            throw new UploadFailed(response.statusCode(), code.find() ? code.group(1) : null);
        }
    }

    /** A minute, plus a minute per 2 MB (a slow 250 kbit/s uplink), never past the URL's 15 minutes. */
    private static Duration timeout(long bytes) {
        return Duration.ofSeconds(Math.min(14 * 60, 60 + bytes / (2 * 1024 * 1024) * 60));
    }
}
