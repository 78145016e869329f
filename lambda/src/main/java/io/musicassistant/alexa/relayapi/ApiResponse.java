package io.musicassistant.alexa.relayapi;

import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.api.ApiError;
import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP answer of the relay API: always JSON. */
public record ApiResponse(int status, Map<String, String> headers, String body) {

    public static ApiResponse json(int status, Object body) {
        return new ApiResponse(status, Map.of("content-type", "application/json"), RelayJson.write(body));
    }

    public static ApiResponse error(int status, String code, String message) {
        return json(status, new ApiError(code, message));
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new ApiResponse(status, Map.copyOf(all), body);
    }
}
