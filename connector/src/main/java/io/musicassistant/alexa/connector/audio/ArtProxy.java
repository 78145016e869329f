package io.musicassistant.alexa.connector.audio;

import io.musicassistant.alexa.connector.platform.Digests;
import io.musicassistant.alexa.log.JsonLog;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Cover art Music Assistant serves only on the LAN (local files, embedded images), re-hosted for
 * Echo screens through the signed public base. The signed ref names the image's provider and path;
 * MA's image proxy renders it at 512 px ({@code /imageproxy/<sha256 of provider/path>} since 2.9,
 * the query form before), and the answer is passed through with a long cache lifetime (the URL
 * itself expires, the image does not change).
 */
public final class ArtProxy {

    private static final JsonLog LOG = JsonLog.get(ArtProxy.class);
    private static final long MAX_BYTES = 8L * 1024 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(8);

    private final URI maUrl;
    private final String maToken;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public ArtProxy(URI maUrl, String maToken) {
        this.maUrl = maUrl;
        this.maToken = maToken;
    }

    private HttpResponse<InputStream> fetch(URI source) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(source)
                        .timeout(TIMEOUT)
                        .header("Authorization", "Bearer " + maToken)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    /** What the stream server answers for an art URL. */
    sealed interface Answer {
        record Image(String contentType, byte[] bytes) implements Answer {}

        record Refused(int status, String text) implements Answer {}
    }

    Answer fetch(String named) throws IOException, InterruptedException {
        int split = named.indexOf('\n');
        if (split <= 0 || split == named.length() - 1) {
            return new Answer.Refused(403, "forbidden");
        }
        String provider = named.substring(0, split);
        String path = named.substring(split + 1);
        URI byId = maUrl.resolve(
                "/imageproxy/" + HexFormat.of().formatHex(Digests.sha256(provider + "/" + path)) + "?size=512");
        // MA unquotes the path once more after the web framework has, so it travels encoded twice.
        String once = URLEncoder.encode(path, StandardCharsets.UTF_8);
        URI byQuery = maUrl.resolve("/imageproxy?path=" + URLEncoder.encode(once, StandardCharsets.UTF_8) + "&provider="
                + URLEncoder.encode(provider, StandardCharsets.UTF_8) + "&size=512");
        HttpResponse<InputStream> response;
        try {
            response = fetch(byId);
            if (response.statusCode() == 404 || response.statusCode() == 400) {
                response.body().close();
                response = fetch(byQuery); // Music Assistant before 2.9
            }
        } catch (IOException e) {
            LOG.warn("art.unavailable", "error", e.getClass().getSimpleName());
            return new Answer.Refused(502, "art not available");
        }
        try (InputStream in = response.body()) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (response.statusCode() != 200 || !type.startsWith("image/") || length > MAX_BYTES) {
                LOG.warn("art.refused", "status", response.statusCode(), "type", type);
                return new Answer.Refused(404, "no such image");
            }
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                return new Answer.Refused(404, "no such image");
            }
            return new Answer.Image(type, bytes);
        }
    }
}
