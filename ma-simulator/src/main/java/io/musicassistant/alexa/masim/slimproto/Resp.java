package io.musicassistant.alexa.masim.slimproto;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A client's RESP: the stream server's HTTP response head as the player received it. The status
 * reads as 0 when the status line is not one; header names are lower-cased.
 */
record Resp(int status, Map<String, String> headers) {

    static Resp parse(byte[] payload) {
        String text = new String(payload, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r\n");
        int status = 0;
        String[] statusLine = lines.length == 0 ? new String[0] : lines[0].split(" ", 3);
        if (statusLine.length >= 2) {
            try {
                status = Integer.parseInt(statusLine[1].strip());
            } catch (NumberFormatException e) {
                status = 0;
            }
        }
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(
                        lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
        }
        return new Resp(status, headers);
    }
}
