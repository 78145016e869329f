package io.musicassistant.alexa.music;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.accounts.SkillLifecycle;
import io.musicassistant.alexa.alexa.AlexaError;
import io.musicassistant.alexa.alexa.AlexaException;
import io.musicassistant.alexa.alexa.AlexaJson;
import io.musicassistant.alexa.alexa.DirectiveName;
import io.musicassistant.alexa.alexa.Fields;
import io.musicassistant.alexa.identity.AuthorizationException;
import io.musicassistant.alexa.identity.IdentityResolver;
import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.log.LogContext;
import io.musicassistant.alexa.music.model.AlexaMessage;
import io.musicassistant.alexa.music.model.Header;
import io.musicassistant.alexa.platform.Hashes;
import io.musicassistant.alexa.relay.NotPairedException;
import io.musicassistant.alexa.relay.RelayException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * The Music Skill API endpoint, independent of how bytes arrive (Lambda or the local stack's HTTP
 * server): envelope checks, identity, dispatch to the registry, and the mapping of every failure to
 * a valid Alexa error envelope. Nothing thrown below escapes as an exception.
 */
public final class MusicSkill {

    private static final JsonLog LOG = JsonLog.get(MusicSkill.class);
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    private final MusicDirectiveRegistry registry;
    private final IdentityResolver identity;
    private final SkillLifecycle lifecycle;
    private final Clock clock;
    private final Duration relayBudget;

    public MusicSkill(MusicDirectiveRegistry registry, IdentityResolver identity, Clock clock, Duration relayBudget) {
        this(registry, identity, clock, relayBudget, new SkillLifecycle(identity, null));
    }

    /** @param lifecycle answers the skill events (manifest {@code events}) that reach this skill's Lambda */
    public MusicSkill(
            MusicDirectiveRegistry registry,
            IdentityResolver identity,
            Clock clock,
            Duration relayBudget,
            SkillLifecycle lifecycle) {
        this.registry = registry;
        this.identity = identity;
        this.lifecycle = lifecycle;
        this.clock = clock;
        this.relayBudget = relayBudget;
    }

    public MusicDirectiveRegistry registry() {
        return registry;
    }

    /** Answers one request; always returns a serialised Alexa message. */
    public byte[] handle(byte[] input) {
        long started = System.nanoTime();
        // Alexa's 8 s run from arrival: identity, DynamoDB and the relay all share one deadline.
        Instant deadline = clock.instant().plus(relayBudget);
        AlexaMessage answer;
        String directive = "?";
        String requestId = null;
        try {
            if (input == null || input.length > AlexaJson.MAX_REQUEST_BYTES) {
                throw AlexaException.invalidDirective("request larger than " + AlexaJson.MAX_REQUEST_BYTES + " bytes");
            }
            JsonNode root = AlexaJson.parse(input);
            if (SkillLifecycle.isEvent(root)) {
                return lifecycle.handle(root, "music");
            }
            Header header = header(root.get("header"));
            requestId = SAFE_ID.matcher(header.messageId()).matches() ? header.messageId() : null;
            directive = header.namespace() + "." + header.name();
            try (var ignored = LogContext.put("request_id", requestId)) {
                answer = dispatch(header, root.get("payload"), deadline);
            }
        } catch (AlexaException e) {
            answer = AlexaMessage.error(e.error());
            LOG.info("music.refused", "request_id", requestId, "directive", directive, "error", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("music.failed", e, "request_id", requestId, "directive", directive);
            answer = AlexaMessage.error(new AlexaError.General(AlexaError.General.INTERNAL_ERROR, "unexpected error"));
        }
        byte[] out = AlexaJson.write(answer);
        LOG.info(
                "music.answered",
                "request_id",
                requestId,
                "directive",
                directive,
                "answer",
                answer.header().namespace() + "." + answer.header().name(),
                "elapsed_ms",
                (System.nanoTime() - started) / 1_000_000);
        return out;
    }

    private AlexaMessage dispatch(Header header, JsonNode payload, Instant deadline) {
        DirectiveName name = new DirectiveName(header.namespace(), header.name());
        MusicDirectiveHandler handler = registry.find(name)
                .orElseThrow(() -> AlexaException.invalidDirective("unsupported directive " + safe(name.toString())));
        if (payload == null || !payload.isObject()) {
            throw AlexaException.invalidDirective("payload must be an object");
        }
        String userId;
        try {
            userId = identity.userId(accessToken(payload));
        } catch (AuthorizationException e) {
            throw new AlexaException(
                    switch (e.reason()) {
                        case INVALID ->
                            new AlexaError.General(AlexaError.General.INVALID_AUTHORIZATION_CREDENTIAL, e.getMessage());
                        case EXPIRED ->
                            new AlexaError.General(AlexaError.General.EXPIRED_AUTHORIZATION_CREDENTIAL, e.getMessage());
                        case UNAVAILABLE -> new AlexaError.General(AlexaError.General.INTERNAL_ERROR, e.getMessage());
                    });
        }
        MusicRequest request = new MusicRequest(header, payload, userId, deadline);
        try (var ignored = LogContext.put("user", Hashes.sha256Hex(userId).substring(0, 12))) {
            return handler.handle(request);
        } catch (NotPairedException e) {
            // The Amazon login is fine; the user has no home yet. ACCOUNT_PROBLEM is the one type that does not ask to
            // re-link.
            throw new AlexaException(new AlexaError.General(
                    AlexaError.General.ACCOUNT_PROBLEM, "no Music Assistant home is paired with this account"));
        } catch (RelayException e) {
            // Alexa has no "temporarily unavailable" type for music skills; INTERNAL_ERROR is the documented catch-all.
            // The message reaches Amazon: name the failure, keep home ids and details in our own log.
            LOG.warn("music.relay_failed", "failure", e.failure().name(), "reason", e.getMessage());
            throw new AlexaException(
                    new AlexaError.General(AlexaError.General.INTERNAL_ERROR, relayReason(e.failure())));
        }
    }

    private static String relayReason(RelayException.Failure failure) {
        return switch (failure) {
            case HOME_OFFLINE -> "HOME_OFFLINE: the user's Music Assistant connector is offline";
            case MUSIC_ASSISTANT_DOWN -> "MUSIC_ASSISTANT_DOWN: the connector cannot reach Music Assistant";
            case TIMEOUT -> "TIMEOUT: the user's home did not answer in time";
            case SEND_FAILED -> "SEND_FAILED: the relay queue could not be written";
            case REMOTE_ERROR -> "REMOTE_ERROR: the user's home could not do it";
            case BAD_REPLY -> "BAD_REPLY: the user's home answered something unreadable";
        };
    }

    private static Header header(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw AlexaException.invalidDirective("header missing");
        }
        String namespace = Fields.text(node, "namespace", "");
        String name = Fields.text(node, "name", "");
        if (namespace.isEmpty() || name.isEmpty() || namespace.length() > 64 || name.length() > 64) {
            throw AlexaException.invalidDirective("header needs namespace and name");
        }
        return new Header(Fields.text(node, "messageId", ""), namespace, name, Fields.text(node, "payloadVersion", ""));
    }

    private static String accessToken(JsonNode payload) {
        JsonNode token = payload.path("requestContext").path("user").path("accessToken");
        return token.isTextual() ? token.asText() : null;
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._\\-]", "?");
    }
}
