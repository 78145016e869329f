package io.musicassistant.alexa.connector.slimproto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A {@code strm s} from Music Assistant: fetch this HTTP request from this address and play it
 * (slimproto.h {@code strm_packet}: 24 bytes, then the request text).
 *
 * @param autostart '0'..'3' (0/2: buffer, report STMl, wait for {@code strm u}; 2/3: wait for {@code cont})
 * @param format 'm' mp3, 'f' flac, 'a' aac, 'p' pcm, …
 * @param serverIp IPv4 address as an int; 0 means the host of the control connection
 * @param serverPort the stream server's port
 * @param request the HTTP request to send verbatim
 */
public record StreamStart(char autostart, char format, int serverIp, int serverPort, String request) {

    static final int HEADER_BYTES = 24;

    static StreamStart parse(ByteBuffer payload) {
        char autostart = (char) payload.get(1);
        char format = (char) payload.get(2);
        int port = Short.toUnsignedInt(payload.getShort(18));
        int ip = payload.getInt(20);
        byte[] request = new byte[payload.limit() - HEADER_BYTES];
        payload.get(HEADER_BYTES, request);
        return new StreamStart(autostart, format, ip, port, new String(request, StandardCharsets.ISO_8859_1));
    }

    /** The host the request goes to: the given address, or Music Assistant's own. */
    public String host(String controlHost) {
        if (serverIp == 0) {
            return controlHost;
        }
        return ((serverIp >>> 24) & 0xff) + "." + ((serverIp >>> 16) & 0xff) + "." + ((serverIp >>> 8) & 0xff) + "."
                + (serverIp & 0xff);
    }

    /** The request's path, for logs (it carries no secret: MA's session ids die with the session). */
    public String path() {
        int space = request.indexOf(' ');
        int end = request.indexOf(' ', space + 1);
        return space < 0 || end < 0 ? "?" : request.substring(space + 1, end);
    }

    public boolean mp3OrAac() {
        return format == 'm' || format == 'a';
    }
}
