package io.musicassistant.alexa.control.voice;

import com.amazon.ask.Skill;
import com.amazon.ask.builder.CustomSkillBuilder;
import com.amazon.ask.model.RequestEnvelope;
import com.amazon.ask.model.ResponseEnvelope;
import com.amazon.ask.model.Session;
import com.amazon.ask.util.JacksonSerializer;
import com.amazon.ask.util.impl.ObjectMapperFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.alexa.AlexaException;
import io.musicassistant.alexa.alexa.AlexaJson;
import io.musicassistant.alexa.control.players.HomeControl;
import io.musicassistant.alexa.identity.IdentityResolver;
import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.log.LogContext;
import io.musicassistant.alexa.relay.HomeLocator;
import io.musicassistant.alexa.relay.protocol.StrictScalars;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The control skill's custom voice model ("Alexa, ask Music Assistant to pause the kitchen"), built
 * with the ASK SDK: each intent answered by the one handler its {@link VoiceIntentRegistry} holds,
 * requests that are not intents by the request handlers of this package, rooms matched to the user's
 * Music Assistant players, answers from {@code Messages*.properties} in the request's language. Whatever
 * arrives, the answer is a valid custom-skill response with a short spoken reason; the checks the
 * SDK does not do (size, JSON, skill id, request shape) happen here, before it sees the request.
 */
public final class VoiceSkill {

    private static final JsonLog LOG = JsonLog.get(VoiceSkill.class);
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    private final HomeLocator homes;
    private final HomeControl control;
    private final IdentityResolver identity;
    private final Clock clock;
    private final Duration budget;
    private final String skillId;
    private final Skill skill;
    private final JacksonSerializer serializer = new JacksonSerializer();
    /**
     * The SDK's own mapper (its modules and settings) reading strictly: its model classes would
     * otherwise take a slot value sent as a number, or a boolean sent as a string.
     */
    private static final ObjectMapper STRICT_READER = strict(ObjectMapperFactory.getMapper());

    private final VoiceIntentRegistry intents;

    /** @param intents the intent handlers ({@code handlers.VoiceIntentHandlers} builds the model's) */
    public VoiceSkill(
            HomeLocator homes,
            HomeControl control,
            IdentityResolver identity,
            Clock clock,
            Duration budget,
            String skillId,
            VoiceIntentRegistry intents) {
        this.homes = homes;
        this.control = control;
        this.identity = identity;
        this.clock = clock;
        this.budget = budget;
        this.skillId = skillId == null || skillId.isBlank() ? null : skillId;
        this.intents = intents;
        CustomSkillBuilder builder = new CustomSkillBuilder();
        builder.addRequestHandler(new LaunchRequestHandler());
        builder.addRequestHandler(new SessionEndedRequestHandler());
        intents.handlers().forEach(builder::addRequestHandler);
        // The SDK asks handlers in this order: the catch-alls come last.
        builder.addRequestHandler(new UnknownIntentRequestHandler());
        builder.addRequestHandler(new UnknownRequestHandler());
        builder.addExceptionHandler(new ErrorHandler());
        this.skill = builder.build();
    }

    public VoiceIntentRegistry registry() {
        return intents;
    }

    /** The intents answered, each with the slots it reads: what every interaction model must declare. */
    public Map<String, Set<String>> intents() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        intents.byIntent().forEach((name, h) -> out.put(name, h.slots()));
        return out;
    }

    /** Answers one custom-skill request (JSON bytes) with a custom-skill response (JSON bytes); never throws. */
    public byte[] handle(byte[] request) {
        long started = System.nanoTime();
        Instant deadline = clock.instant().plus(budget);
        Messages messages = Messages.english();
        try {
            if (request == null || request.length == 0 || request.length > AlexaJson.MAX_REQUEST_BYTES) {
                return refuse(messages, "bad.request", "empty or oversized request");
            }
            JsonNode root;
            try {
                root = AlexaJson.parse(request);
            } catch (AlexaException e) {
                return refuse(messages, "bad.request", "not a JSON object");
            }
            JsonNode body = root.path("request");
            messages = Messages.forLocale(
                    body.path("locale").isTextual() ? body.path("locale").asText() : null);
            if (!body.isObject() || !body.path("type").isTextual()) {
                return refuse(messages, "bad.request", "no request type");
            }
            if (skillId != null && !skillId.equals(applicationId(root))) {
                return refuse(messages, "wrong.skill", "request for another skill");
            }
            RequestEnvelope envelope = envelope((ObjectNode) root);
            if (envelope == null || envelope.getRequest() == null) {
                return refuse(messages, "bad.request", "unreadable request envelope");
            }
            String requestId = envelope.getRequest().getRequestId();
            try (var ignored = LogContext.put(
                    "request_id",
                    requestId != null && SAFE_ID.matcher(requestId).matches() ? requestId : null)) {
                Turn turn = new Turn(messages, deadline, accessToken(envelope), identity, homes, control);
                ResponseEnvelope answer = skill.invoke(envelope, turn);
                LOG.info(
                        "voice.answered",
                        "type",
                        envelope.getRequest().getType(),
                        "intent",
                        intentName(root),
                        "end_session",
                        answer.getResponse() == null
                                ? null
                                : answer.getResponse().getShouldEndSession(),
                        "elapsed_ms",
                        (System.nanoTime() - started) / 1_000_000);
                return serializer.serialize(answer).getBytes(StandardCharsets.UTF_8);
            }
        } catch (RuntimeException e) {
            LOG.error("voice.failed", e);
            return refusal(messages, "error");
        }
    }

    /**
     * The SDK's envelope, or null when the SDK cannot read it (an unknown request type, a malformed
     * timestamp). The SDK reads {@code context.System} unconditionally, so a request without one
     * gets an empty one and is answered as unlinked rather than failing.
     */
    private RequestEnvelope envelope(ObjectNode root) {
        JsonNode context = root.get("context");
        ObjectNode ctx = context instanceof ObjectNode o ? o : root.putObject("context");
        if (!ctx.path("System").isObject()) {
            ctx.putObject("System");
        }
        try {
            return STRICT_READER.treeToValue(root, RequestEnvelope.class);
        } catch (JsonProcessingException | RuntimeException e) {
            return null;
        }
    }

    private static ObjectMapper strict(ObjectMapper sdk) {
        ObjectMapper copy = sdk.copy();
        copy.configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
        copy.configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
        copy.configure(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, true);
        StrictScalars.refuseCoercions(copy);
        return copy;
    }

    private static String applicationId(JsonNode root) {
        JsonNode fromContext =
                root.path("context").path("System").path("application").path("applicationId");
        JsonNode fromSession = root.path("session").path("application").path("applicationId");
        return fromContext.isTextual() ? fromContext.asText() : fromSession.isTextual() ? fromSession.asText() : null;
    }

    /** The account-linking token: in context.System.user, and in session.user of in-session requests. */
    private static String accessToken(RequestEnvelope envelope) {
        var system =
                envelope.getContext() == null ? null : envelope.getContext().getSystem();
        if (system != null && system.getUser() != null && system.getUser().getAccessToken() != null) {
            return system.getUser().getAccessToken();
        }
        Session session = envelope.getSession();
        return session != null && session.getUser() != null ? session.getUser().getAccessToken() : null;
    }

    private static String intentName(JsonNode root) {
        JsonNode name = root.path("request").path("intent").path("name");
        return name.isTextual() && SAFE_ID.matcher(name.asText()).matches() ? name.asText() : null;
    }

    private static byte[] refuse(Messages messages, String key, String reason) {
        LOG.info("voice.refused", "reason", reason);
        return refusal(messages, key);
    }

    /** A response built without the SDK, for requests it never sees. */
    private static byte[] refusal(Messages messages, String key) {
        Map<String, Object> speech = Map.of("type", "PlainText", "text", messages.say(key));
        return AlexaJson.write(
                Map.of("version", "1.0", "response", Map.of("outputSpeech", speech, "shouldEndSession", true)));
    }
}
