package io.musicassistant.alexa.masim.stream;

import io.musicassistant.alexa.masim.audio.Mp3Audio;
import io.musicassistant.alexa.masim.library.MediaItem;
import io.musicassistant.alexa.masim.net.BoundedLog;
import io.musicassistant.alexa.masim.net.TcpListener;
import io.musicassistant.alexa.masim.player.PlayerHub;
import io.musicassistant.alexa.masim.player.QueueItem;
import io.musicassistant.alexa.masim.player.QueuePlayback;
import io.musicassistant.alexa.masim.profile.Profile;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MA's stream server (the streams controller, port 8097 in MA): serves
 * {@code /single/{session_id}/{queue_id}/{queue_item_id}/{player_id}.{fmt}} as
 * {@code serve_queue_item_stream} does (controllers/streams/controller.py @011cdab0 and newer).
 *
 * <p>Written on a plain socket rather than the JDK's HttpServer so that the response looks like
 * aiohttp's: header names as MA writes them, the request's HTTP version echoed, no
 * Content-Length (the squeezelite provider forces the {@code no_content_length} HTTP profile), the
 * body ending with the connection for HTTP/1.0 requests and chunked for HTTP/1.1 ones.
 *
 * <p>Bodies: a track is {@link Mp3Audio} with {@code Mp3Audio.seed(track.uri())} (e.g.
 * {@code library://track/12}), {@link Mp3Audio#length} of its duration; a radio is endless.
 * Only mp3 bodies are real audio: for flac/wav the same bytes are sent behind a "fLaC"/"RIFF"
 * marker, enough for a client to tell formats apart.
 */
public final class StreamServer implements AutoCloseable {

    private static final Pattern SINGLE = Pattern.compile("/single/([^/]+)/([^/]+)/([^/]+)/([^/]+)\\.([^/.]+)");
    private static final int BYTES_PER_SECOND = Mp3Audio.BYTES_PER_SECOND;
    private static final int MAX_HEAD = 16 * 1024;
    private static final int CHUNK = 16 * 1024;
    /** How often a throttled stream re-reads the pacing settings at the latest. */
    private static final long MAX_SLEEP_MILLIS = 50;

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final PlayerHub hub;
    private final Profile profile;
    private final AtomicInteger requests = new AtomicInteger();
    private final BoundedLog requestLog = new BoundedLog();
    private volatile Pacing trackPacing;
    private volatile Pacing radioPacing;
    private volatile long rateLimit;
    private TcpListener listener;

    private StreamServer(PlayerHub hub, Profile profile, Pacing trackPacing, Pacing radioPacing) {
        this.hub = hub;
        this.profile = profile;
        this.trackPacing = trackPacing;
        this.radioPacing = radioPacing;
    }

    /**
     * Binds 127.0.0.1:{@code port} (0 = any free port) and starts serving.
     *
     * @param trackPacing pacing for tracks of music services (own files are never paced)
     * @param radioPacing pacing for radio streams
     */
    public static StreamServer start(int port, PlayerHub hub, Profile profile, Pacing trackPacing, Pacing radioPacing) {
        StreamServer streams = new StreamServer(hub, profile, trackPacing, radioPacing);
        streams.listener = TcpListener.start("stream", port, 64, streams::serve);
        return streams;
    }

    /** {@code resolve_stream_url}'s path for a single queue item. */
    public static String singlePath(String sessionId, String queueId, String queueItemId, String playerId, String fmt) {
        return "/single/" + sessionId + "/" + queueId + "/" + queueItemId + "/" + playerId + "." + fmt;
    }

    public int port() {
        return listener.port();
    }

    /** {@code http://127.0.0.1:<port>}: MA's streams {@code base_url}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public void setTrackPacing(Pacing pacing) {
        this.trackPacing = Objects.requireNonNull(pacing, "pacing");
    }

    public void setRadioPacing(Pacing pacing) {
        this.radioPacing = Objects.requireNonNull(pacing, "pacing");
    }

    /** Caps every stream at this many bytes per second on top of the pacing; 0 = no cap. */
    public void setRateLimit(long bytesPerSecond) {
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("bytesPerSecond must be >= 0");
        }
        this.rateLimit = bytesPerSecond;
    }

    /** Requests received, whatever their outcome. */
    public int requestCount() {
        return requests.get();
    }

    /** {@code "GET /single/… 200"} per request, in arrival order (the last {@link BoundedLog#CAPACITY}). */
    public List<String> requestLog() {
        return requestLog.entries();
    }

    @Override
    public void close() {
        listener.close();
    }

    // ---------------------------------------------------------------- connections

    private void serve(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        // Buffered: the head is read byte by byte to find its end; a GET or HEAD has no body to over-read.
        InputStream in = new BufferedInputStream(socket.getInputStream());
        String head = readHead(in);
        if (head == null) {
            return;
        }
        String[] requestLine = head.split("\r\n", 2)[0].split(" ");
        if (!head.endsWith("\r\n\r\n") || requestLine.length != 3 || !requestLine[2].startsWith("HTTP/1.")) {
            // aiohttp answers a malformed or oversized request head with 400 and closes
            sendText(socket.getOutputStream(), "HTTP/1.1", 400, "Bad Request", "400: Bad Request");
            // Half-close and drain (bounded) what is left of an oversized head: closing with unread
            // input would reset the connection and the client would never read the 400.
            socket.shutdownOutput();
            socket.setSoTimeout(1000);
            byte[] rest = new byte[8192];
            for (long drained = 0; drained < MAX_HEAD * 4L; ) {
                int n = in.read(rest);
                if (n < 0) {
                    break;
                }
                drained += n;
            }
            return;
        }
        requests.incrementAndGet();
        String method = requestLine[0];
        String target = requestLine[1];
        boolean http10 = requestLine[2].equals("HTTP/1.0");
        String version = http10 ? "HTTP/1.0" : "HTTP/1.1";
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        OutputStream out = socket.getOutputStream();
        Matcher single = SINGLE.matcher(path);
        if (!single.matches() || !(method.equals("GET") || method.equals("HEAD"))) {
            log(method, target, 404);
            sendText(out, version, 404, "Not Found", "404: Not Found");
            return;
        }
        String sessionId = single.group(1);
        String queueId = single.group(2);
        String queueItemId = single.group(3);
        String playerId = single.group(4);
        String fmt = single.group(5).toLowerCase(Locale.ROOT);
        Optional<QueuePlayback.StreamSession> session = hub.playback().streamSession(queueId);
        String problem = null;
        if (session.isEmpty()) {
            problem = "Unknown Queue: " + queueId;
        } else if (sessionMismatch(session.get().sessionId(), sessionId)) {
            problem = "Unknown (or invalid) session: " + sessionId;
        } else if (hub.players().state(playerId).isEmpty()) {
            problem = "Unknown Player: " + playerId;
        }
        Optional<QueueItem> item = problem == null ? hub.queues().item(queueId, queueItemId) : Optional.empty();
        if (problem == null && item.isEmpty()) {
            problem = "Unknown Queue item: " + queueItemId;
        }
        if (problem != null) {
            log(method, target, 404);
            // aiohttp's HTTPNotFound(reason=…): the reason is the status text and the body
            sendText(out, version, 404, problem, "404: " + problem);
            return;
        }
        log(method, target, 200);
        MediaItem media = item.get().mediaItem();
        StringBuilder headers = new StringBuilder();
        headers.append(version).append(" 200 OK\r\n");
        header(headers, "Content-Type", contentType(fmt));
        header(headers, "Accept-Ranges", "none");
        header(headers, "Cache-Control", "no-cache");
        header(headers, "Connection", "close");
        header(headers, "icy-name", media.name());
        header(headers, "transferMode.dlna.org", "Streaming");
        header(
                headers,
                "contentFeatures.dlna.org",
                "DLNA.ORG_OP=00;DLNA.ORG_CI=0;DLNA.ORG_FLAGS=0d500000000000000000000000000000");
        header(headers, "Date", HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC)));
        header(headers, "Server", "Python/3.13 aiohttp/3.12.15");
        if (!http10) {
            header(headers, "Transfer-Encoding", "chunked");
        }
        headers.append("\r\n");
        out.write(headers.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        if (method.equals("HEAD")) {
            return;
        }
        QueuePlayback.StreamSession current = session.get();
        int seek = queueItemId.equals(current.startItemId()) ? current.seekPosition() : 0;
        streamBody(out, StreamBody.of(media, fmt, seek), !http10);
    }

    private boolean sessionMismatch(String current, String requested) {
        if (current == null) {
            // newest: "pq_data.session_id is None or …"; older: "if queue.session_id and …"
            return profile == Profile.NEWEST;
        }
        return !current.equals(requested);
    }

    // ---------------------------------------------------------------- bodies

    private Pacing pacing(StreamBody.Source source) {
        return switch (source) {
            case OWN_FILE -> Pacing.NONE;
            case MUSIC_SERVICE -> trackPacing;
            case RADIO -> radioPacing;
        };
    }

    private void streamBody(OutputStream out, StreamBody body, boolean chunked) throws IOException {
        byte[] buffer = new byte[CHUNK];
        long sent = 0;
        long started = System.nanoTime();
        while (sent < body.length()) {
            // read on every round so that a test can loosen or tighten a running stream
            Pacing pacing = pacing(body.source());
            long want = Math.min(CHUNK, body.length() - sent);
            double elapsed = (System.nanoTime() - started) / 1e9;
            long limit = rateLimit;
            double allowed = Math.min(
                    pacing.allowedBytes(elapsed, BYTES_PER_SECOND),
                    limit > 0 ? limit * elapsed : Double.POSITIVE_INFINITY);
            if (allowed > sent) {
                int count = (int) Math.max(1, (long) Math.min(allowed - sent, want));
                body.fill(sent, buffer, count);
                writeChunk(out, buffer, count, chunked);
                sent += count;
                continue;
            }
            double target = sent + Math.min(want, 4096);
            double wake =
                    Math.max(pacing.secondsUntil(target, BYTES_PER_SECOND), limit > 0 ? target / limit : 0) - elapsed;
            sleep(Math.max(1, Math.min(MAX_SLEEP_MILLIS, (long) Math.ceil(wake * 1000))));
        }
        if (chunked) {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
    }

    private static void writeChunk(OutputStream out, byte[] buffer, int count, boolean chunked) throws IOException {
        if (chunked) {
            out.write((Integer.toHexString(count) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(buffer, 0, count);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        } else {
            out.write(buffer, 0, count);
        }
        out.flush();
    }

    /** MA's {@code get_mime_type}. */
    static String contentType(String fmt) {
        return switch (fmt) {
            case "mp3" -> Mp3Audio.CONTENT_TYPE;
            case "flac" -> "audio/flac";
            case "aac" -> "audio/aac";
            case "wav" -> "audio/wav";
            case "ogg" -> "audio/ogg";
            default -> "audio/" + fmt;
        };
    }

    // ---------------------------------------------------------------- plumbing

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (head.size() < MAX_HEAD) {
            int b;
            try {
                b = in.read();
            } catch (SocketException e) {
                return null;
            }
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = switch (matched) {
                case 0, 2 -> b == '\r' ? matched + 1 : 0;
                case 1, 3 -> b == '\n' ? matched + 1 : (b == '\r' ? 1 : 0);
                default -> 0;
            };
            if (matched == 4) {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1); // without the blank line when it outgrew MAX_HEAD
    }

    private static void header(StringBuilder headers, String name, String value) {
        // header values must stay on one line
        headers.append(name)
                .append(": ")
                .append(value.replaceAll("[\r\n]", " "))
                .append("\r\n");
    }

    private static void sendText(OutputStream out, String version, int status, String reason, String text)
            throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder headers = new StringBuilder();
        headers.append(version)
                .append(' ')
                .append(status)
                .append(' ')
                .append(reason.replaceAll("[\r\n]", " "))
                .append("\r\n");
        header(headers, "Content-Type", "text/plain; charset=utf-8");
        header(headers, "Content-Length", String.valueOf(body.length));
        header(headers, "Date", HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC)));
        header(headers, "Server", "Python/3.13 aiohttp/3.12.15");
        header(headers, "Connection", "close");
        headers.append("\r\n");
        out.write(headers.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    private void log(String method, String target, int status) {
        requestLog.add(method + " " + target + " " + status);
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
