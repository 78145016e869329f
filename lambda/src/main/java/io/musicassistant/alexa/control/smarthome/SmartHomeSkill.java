package io.musicassistant.alexa.control.smarthome;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.alexa.AlexaException;
import io.musicassistant.alexa.alexa.AlexaJson;
import io.musicassistant.alexa.alexa.DirectiveName;
import io.musicassistant.alexa.identity.AuthorizationException;
import io.musicassistant.alexa.identity.IdentityResolver;
import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.log.LogContext;
import io.musicassistant.alexa.platform.Hashes;
import io.musicassistant.alexa.relay.NotPairedException;
import io.musicassistant.alexa.relay.RelayException;
import io.musicassistant.alexa.relay.protocol.RelayError;
import io.musicassistant.alexa.relay.protocol.SqsText;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The smart-home API (payload version 3) of the control skill: envelope checks, identity from the
 * bearer token, dispatch by (namespace, name) through {@link SmartHomeDirectiveRegistry}, and every failure as an ErrorResponse event. An
 * offline home or an unreachable player answers ENDPOINT_UNREACHABLE at once.
 */
public final class SmartHomeSkill {

    private static final JsonLog LOG = JsonLog.get(SmartHomeSkill.class);
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:=+/\\-]{1,256}");
    /** Amazon's schema for an endpoint id in any answer ({@code model.EndpointId}). */
    static final Pattern ENDPOINT_ID = Pattern.compile("[a-zA-Z0-9_\\-=#;:?@&]{1,256}");
    /** Far above the base64 tokens Alexa sends; a longer one is dropped, not echoed. */
    private static final int MAX_CORRELATION_TOKEN = 4096;

    private static final JsonPointer CORRELATION_TOKEN = JsonPointer.compile("/directive/header/correlationToken");

    private final SmartHomeDirectiveRegistry handlers;
    private final IdentityResolver identity;
    private final Clock clock;
    private final Duration budget;

    public SmartHomeSkill(
            SmartHomeDirectiveRegistry handlers, IdentityResolver identity, Clock clock, Duration budget) {
        this.handlers = handlers;
        this.identity = identity;
        this.clock = clock;
        this.budget = budget;
    }

    public SmartHomeDirectiveRegistry registry() {
        return handlers;
    }

    public Set<DirectiveName> directives() {
        return handlers.directives();
    }

    /** Answers one smart-home directive; always returns a serialised event. */
    public byte[] handle(JsonNode root) {
        long started = System.nanoTime();
        Instant deadline = clock.instant().plus(budget);
        SmartHomeRequest request = null;
        Map<String, Object> answer;
        try {
            request = parse(root, deadline);
            try (var ignored = LogContext.put("request_id", request.messageId())) {
                answer = dispatch(request);
            }
        } catch (SmartHomeException e) {
            LOG.info(
                    "smarthome.refused",
                    "directive",
                    request == null ? "?" : request.name().toString(),
                    "error_type",
                    e.type(),
                    "reason",
                    e.getMessage());
            answer = request == null
                    ? SmartHomeEvents.error(correlationToken(root), e)
                    : SmartHomeEvents.error(request, e);
        } catch (RuntimeException e) {
            LOG.error(
                    "smarthome.failed",
                    e,
                    "directive",
                    request == null ? "?" : request.name().toString());
            SmartHomeException internal = new SmartHomeException(SmartHomeException.INTERNAL_ERROR, "unexpected error");
            answer = request == null
                    ? SmartHomeEvents.error(correlationToken(root), internal)
                    : SmartHomeEvents.error(request, internal);
        }
        LOG.info(
                "smarthome.answered",
                "directive",
                request == null ? "?" : request.name().toString(),
                "elapsed_ms",
                (System.nanoTime() - started) / 1_000_000);
        return AlexaJson.write(answer);
    }

    private Map<String, Object> dispatch(SmartHomeRequest request) {
        SmartHomeDirectiveHandler handler = handlers.find(request.name())
                .orElseThrow(
                        () -> new SmartHomeException(SmartHomeException.INVALID_DIRECTIVE, "unsupported directive"));
        SmartHomeRequest withUser = request;
        if (handler.needsUser()) {
            withUser = new SmartHomeRequest(
                    request.name(),
                    request.messageId(),
                    request.correlationToken(),
                    request.endpointId(),
                    request.payload(),
                    user(request.token()),
                    request.token(),
                    request.deadline());
        }
        try (var ignored = LogContext.put(
                "user",
                withUser.userId() == null
                        ? null
                        : Hashes.sha256Hex(withUser.userId()).substring(0, 12))) {
            return handler.handle(withUser);
        } catch (NotPairedException e) {
            throw new SmartHomeException(
                    SmartHomeException.NO_SUCH_ENDPOINT, "no Music Assistant home is paired with this account");
        } catch (RelayException e) {
            throw relayFailure(e);
        } catch (AlexaException e) {
            // A payload field of the wrong type (Fields): the directive is malformed.
            throw new SmartHomeException(
                    SmartHomeException.INVALID_DIRECTIVE, e.error().message());
        }
    }

    /** How a failure of the home looks to Alexa. */
    static SmartHomeException relayFailure(RelayException e) {
        if (e.failure() == RelayException.Failure.REMOTE_ERROR) {
            String code = e.remoteCode() == null ? "" : e.remoteCode();
            return switch (code) {
                case RelayError.NO_SUCH_PLAYER, RelayError.NOT_FOUND ->
                    new SmartHomeException(SmartHomeException.NO_SUCH_ENDPOINT, "Music Assistant has no such player");
                // MA refused in the player's present state (next with nothing queued, a synced member).
                case RelayError.MA_ERROR ->
                    new SmartHomeException(
                            "Alexa",
                            SmartHomeException.NOT_SUPPORTED_IN_CURRENT_MODE,
                            "Music Assistant cannot do that now",
                            Map.of("currentDeviceMode", "OTHER"));
                case RelayError.PLAYER_UNAVAILABLE, RelayError.MA_UNAVAILABLE ->
                    new SmartHomeException(SmartHomeException.ENDPOINT_UNREACHABLE, "the player is unreachable");
                case RelayError.UNSUPPORTED ->
                    new SmartHomeException(SmartHomeException.INVALID_DIRECTIVE, "the player cannot do that");
                default -> new SmartHomeException(SmartHomeException.INTERNAL_ERROR, "the home could not do it");
            };
        }
        // Offline, Music Assistant down, no answer in time: the endpoint cannot be reached.
        return new SmartHomeException(
                SmartHomeException.ENDPOINT_UNREACHABLE, e.failure().name());
    }

    private String user(String token) {
        try {
            return identity.userId(token);
        } catch (AuthorizationException e) {
            throw switch (e.reason()) {
                case INVALID ->
                    new SmartHomeException(SmartHomeException.INVALID_AUTHORIZATION_CREDENTIAL, e.getMessage());
                case EXPIRED ->
                    new SmartHomeException(SmartHomeException.EXPIRED_AUTHORIZATION_CREDENTIAL, e.getMessage());
                case UNAVAILABLE ->
                    new SmartHomeException(SmartHomeException.INTERNAL_ERROR, "login service unavailable");
            };
        }
    }

    private static SmartHomeRequest parse(JsonNode root, Instant deadline) {
        JsonNode directive = root == null ? null : root.get("directive");
        if (directive == null || !directive.isObject()) {
            throw new SmartHomeException(SmartHomeException.INVALID_DIRECTIVE, "no directive");
        }
        JsonNode header = directive.path("header");
        String namespace = text(header, "namespace", 64);
        String name = text(header, "name", 64);
        // payloadVersion is the string "3"; the number 3 is not read as it.
        if (namespace == null
                || name == null
                || !"3".equals(header.path("payloadVersion").textValue())) {
            throw new SmartHomeException(
                    SmartHomeException.INVALID_DIRECTIVE, "header needs namespace, name and payloadVersion 3");
        }
        if (header.has("messageId") && !header.get("messageId").isTextual()) {
            throw new SmartHomeException(SmartHomeException.INVALID_DIRECTIVE, "messageId must be text");
        }
        String correlation = correlationToken(root);
        JsonNode endpoint = directive.path("endpoint");
        String endpointId = endpoint.path("endpointId").isTextual()
                ? endpoint.path("endpointId").asText()
                : null;
        JsonNode payload = directive.path("payload");
        if (!payload.isObject()) {
            throw new SmartHomeException(SmartHomeException.INVALID_DIRECTIVE, "payload must be an object");
        }
        // The user's token: on the endpoint for device directives, in the payload for Discover and AcceptGrant.
        JsonNode scope = endpoint.has("scope")
                ? endpoint.path("scope")
                : payload.has("scope") ? payload.path("scope") : payload.path("grantee");
        String token =
                scope.path("token").isTextual() && !scope.path("token").asText().isEmpty()
                        ? scope.path("token").asText()
                        : null;
        String messageId = header.path("messageId").asText("");
        return new SmartHomeRequest(
                new DirectiveName(namespace, name),
                SAFE.matcher(messageId).matches() ? messageId : null,
                correlation,
                endpointId != null && endpointId.length() <= 256 ? endpointId : null,
                payload,
                null,
                token,
                deadline);
    }

    /**
     * The directive's correlation token, when it carried a usable one: read from the tree, so that
     * a directive refused for its header or payload still gets it back.
     */
    static String correlationToken(JsonNode root) {
        JsonNode token = root == null ? null : root.at(CORRELATION_TOKEN);
        return token != null && token.isTextual() ? usableToken(token.textValue()) : null;
    }

    /**
     * The correlation token of a request that did not parse as a whole (trailing garbage, a
     * refused character after the header, too large): read as far as the bytes allow, or null.
     */
    public static String correlationToken(byte[] raw) {
        if (raw == null) {
            return null;
        }
        try (JsonParser parser = AlexaJson.mapper()
                .getFactory()
                .createParser(raw, 0, Math.min(raw.length, AlexaJson.MAX_REQUEST_BYTES))) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.VALUE_STRING
                        && parser.getParsingContext().pathAsPointer().equals(CORRELATION_TOKEN)) {
                    String value = parser.getText();
                    return SqsText.allowed(value) ? usableToken(value) : null;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Unreadable from here on: no token was found before it.
        }
        return null;
    }

    private static String usableToken(String token) {
        return token.isEmpty() || token.length() > MAX_CORRELATION_TOKEN ? null : token;
    }

    private static String text(JsonNode node, String field, int max) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() && !v.asText().isEmpty() && v.asText().length() <= max ? v.asText() : null;
    }
}
