package io.musicassistant.alexa;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relayapi.ApiRequest;
import io.musicassistant.alexa.relayapi.ApiResponse;
import io.musicassistant.alexa.relayapi.RelayApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * AWS Lambda entry point of the relay API, for API Gateway HTTP APIs and Lambda function URLs
 * (both send the payload format 2.0 event):
 * {@code io.musicassistant.alexa.RelayApiHandler::handleRequest}.
 */
public final class RelayApiHandler implements RequestStreamHandler {

    private static final int MAX_EVENT_BYTES = 160 * 1024;

    private final RelayApi api;

    public RelayApiHandler() {
        this(CloudWiring.fromEnvironment().relayApi());
    }

    public RelayApiHandler(RelayApi api) {
        this.api = api;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] raw = input.readNBytes(MAX_EVENT_BYTES + 1);
        ApiResponse response;
        if (raw.length > MAX_EVENT_BYTES) {
            response = ApiResponse.error(413, "payload_too_large", "request too large");
        } else {
            response = toRequest(raw)
                    .map(api::handle)
                    .orElseGet(() -> ApiResponse.error(400, "invalid_request", "not an HTTP API event"));
        }
        ObjectNode out = RelayJson.mapper().createObjectNode();
        out.put("statusCode", response.status());
        ObjectNode headers = out.putObject("headers");
        response.headers().forEach(headers::put);
        out.put("body", response.body());
        out.put("isBase64Encoded", false);
        output.write(RelayJson.mapper().writeValueAsBytes(out));
    }

    /** The request in an event, or empty when the event is not JSON or its body not valid base64. */
    static Optional<ApiRequest> toRequest(byte[] raw) {
        try {
            JsonNode event = RelayJson.mapper().readTree(raw);
            return event == null || !event.isObject() ? Optional.empty() : Optional.of(toRequest(event));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static ApiRequest toRequest(JsonNode event) {
        Map<String, String> headers = new HashMap<>();
        event.path("headers")
                .fields()
                .forEachRemaining(e -> headers.put(
                        e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText()));
        JsonNode http = event.path("requestContext").path("http");
        String bodyText = event.path("body").asText("");
        byte[] body = event.path("isBase64Encoded").asBoolean(false)
                ? Base64.getDecoder().decode(bodyText)
                : bodyText.getBytes(StandardCharsets.UTF_8);
        return new ApiRequest(
                http.path("method").asText("GET"),
                event.path("rawPath").asText("/"),
                headers,
                body,
                http.path("sourceIp").asText("unknown"));
    }
}
