package io.musicassistant.alexa.relayapi;

import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request to the relay API, independent of how it arrived (API Gateway event, Lambda
 * function URL, or the local stack's HTTP server). Header names are lower case.
 */
public record ApiRequest(String method, String path, Map<String, String> headers, byte[] body, String sourceIp) {

    /** Whatever arrived, no field is null: a missing method, path or address is an empty one. */
    public ApiRequest {
        method = method == null ? "" : method;
        path = path == null ? "" : path;
        headers = headers == null ? Map.of() : headers;
        body = body == null ? new byte[0] : body;
        sourceIp = sourceIp == null ? "" : sourceIp;
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The token of an {@code Authorization: Bearer …} header, or null. */
    public String bearer() {
        String value = header("authorization");
        if (value == null || value.length() < 8 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return value.substring(7).trim();
    }
}
