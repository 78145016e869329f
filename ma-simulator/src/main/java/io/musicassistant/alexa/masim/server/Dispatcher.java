package io.musicassistant.alexa.masim.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.masim.api.Args;
import io.musicassistant.alexa.masim.api.Call;
import io.musicassistant.alexa.masim.api.Command;
import io.musicassistant.alexa.masim.api.CommandRegistry;
import io.musicassistant.alexa.masim.api.Reply;
import io.musicassistant.alexa.masim.auth.Tokens;
import io.musicassistant.alexa.masim.auth.User;
import io.musicassistant.alexa.masim.error.ErrorCode;
import io.musicassistant.alexa.masim.error.MaError;
import io.musicassistant.alexa.masim.models.ModelJson;
import io.musicassistant.alexa.masim.profile.Profile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * MA's {@code WebsocketClientHandler._handle_command}/{@code _run_handler}: the checks run in
 * arrival order on the connection's reader thread (unknown → 12, not authenticated → 20,
 * permission → 22), then each handler runs on its own virtual thread, so results can come back
 * out of order. {@code auth} is handled inline, before the registry, like MA does.
 */
final class Dispatcher {

    /** MA's chunk size for async-generator results. */
    static final int CHUNK_SIZE = 500;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Profile profile;
    private final CommandRegistry registry;
    private final ModelJson json;
    private final Tokens tokens;
    private final ExecutorService executor;
    private final List<String> commandLog = new ArrayList<>();
    /** Every command with its arguments and arrival time, for checks that a command ran once and in time. */
    private final List<ReceivedCommand> received = new ArrayList<>();

    private final Map<String, AtomicInteger> commandCounts = new ConcurrentHashMap<>();
    private final Map<String, Duration> commandDelays = new ConcurrentHashMap<>();
    private volatile Duration delay;

    Dispatcher(
            Profile profile,
            CommandRegistry registry,
            ModelJson json,
            Tokens tokens,
            ExecutorService executor,
            Duration delay) {
        this.profile = profile;
        this.registry = registry;
        this.json = json;
        this.tokens = tokens;
        this.executor = executor;
        this.delay = delay;
    }

    // ---------------------------------------------------------------- test hooks

    void setDelay(Duration value) {
        delay = value == null ? Duration.ZERO : value;
    }

    void setDelay(String command, Duration value) {
        if (value == null || value.isZero()) {
            commandDelays.remove(command);
        } else {
            commandDelays.put(command, value);
        }
    }

    synchronized List<String> commandLog() {
        return List.copyOf(commandLog);
    }

    int commandCount(String command) {
        AtomicInteger count = commandCounts.get(command);
        return count == null ? 0 : count.get();
    }

    synchronized void resetCounters() {
        commandLog.clear();
        received.clear();
        commandCounts.clear();
    }

    synchronized List<ReceivedCommand> received() {
        return List.copyOf(received);
    }

    synchronized void record(String command, JsonNode args) {
        received.add(new ReceivedCommand(
                System.currentTimeMillis(), command, args == null || args.isNull() ? F.objectNode() : args.deepCopy()));
        commandLog.add(command);
        commandCounts.computeIfAbsent(command, c -> new AtomicInteger()).incrementAndGet();
    }

    // ---------------------------------------------------------------- WebSocket frames

    void onText(ClientSession session, String text) {
        JsonNode message;
        try {
            message = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            // "Disconnected: Received invalid JSON": MA closes without replying
            session.closeNormally();
            return;
        }
        JsonNode messageId = message == null ? null : message.get("message_id");
        JsonNode command = message == null ? null : message.get("command");
        JsonNode args = message == null ? null : message.get("args");
        boolean wellFormed = message != null
                && message.isObject()
                && messageId != null
                && !messageId.isNull()
                && command != null
                && command.isTextual()
                && (args == null || args.isNull() || args.isObject());
        if (!wellFormed) {
            // a missing field is a mashumaro error that ends MA's read loop as well
            session.closeNormally();
            return;
        }
        String name = command.asText();
        if (name.equals("auth")) {
            handleAuth(session, messageId, args);
            return;
        }
        record(name, args);
        if (profile == Profile.NEWEST && name.equals("translations/set_locale")) {
            handleSetLocale(session, messageId, args);
            return;
        }
        Optional<Command> found = registry.get(name);
        if (found.isEmpty()) {
            sendError(
                    session,
                    messageId,
                    ErrorCode.INVALID_COMMAND,
                    profile.genericErrorDetails()
                            ? ErrorCode.genericDetails(ErrorCode.INVALID_COMMAND)
                            : "Invalid command: " + name);
            return;
        }
        Command handler = found.get();
        User user = session.user();
        if (handler.access().authenticated() && user == null) {
            sendError(
                    session,
                    messageId,
                    ErrorCode.AUTHENTICATION_REQUIRED,
                    profile.genericErrorDetails()
                            ? ErrorCode.genericDetails(ErrorCode.AUTHENTICATION_REQUIRED)
                            : "Authentication required. Please send auth command first.");
            return;
        }
        Optional<String> denied = permissionProblem(handler, user);
        if (denied.isPresent()) {
            sendError(
                    session,
                    messageId,
                    ErrorCode.INSUFFICIENT_PERMISSIONS,
                    profile.genericErrorDetails()
                            ? ErrorCode.genericDetails(ErrorCode.INSUFFICIENT_PERMISSIONS)
                            : denied.get());
            return;
        }
        try {
            executor.execute(() -> run(session, messageId, handler, args, user));
        } catch (RejectedExecutionException shuttingDown) {
            // the simulator is closing; the connection goes with it
        }
    }

    /**
     * Why the user may not run the command, if they may not: the text MA puts in the 22 error
     * ("Admin access required" on stable; the scope message on newest, which WS clients see
     * replaced by the generic sentence).
     */
    Optional<String> permissionProblem(Command command, User user) {
        if (user == null) {
            return Optional.empty();
        }
        if (profile.scopedPermissions()) {
            String scope = command.access().scope();
            if (scope != null && !user.role().grants(scope)) {
                return Optional.of("This command requires the " + scope + " scope");
            }
            return Optional.empty();
        }
        if (command.access().adminOnly() && !user.isAdmin()) {
            return Optional.of("Admin access required");
        }
        return Optional.empty();
    }

    private void run(ClientSession session, JsonNode messageId, Command command, JsonNode args, User user) {
        try {
            pause(command.name());
            Reply reply = command.handler().handle(new Call(new Args(args), user));
            switch (reply) {
                case Reply.Value value -> sendResult(session, messageId, value.result(), false);
                case Reply.Items items -> sendChunked(session, messageId, items.items());
            }
        } catch (MaError error) {
            sendError(session, messageId, error.code(), details(error));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException unexpected) {
            String text =
                    unexpected.getMessage() == null ? unexpected.getClass().getSimpleName() : unexpected.getMessage();
            sendError(session, messageId, ErrorCode.GENERIC, text);
        }
    }

    /** Zero or more {@code partial:true} frames of 500 items, then exactly one final frame. */
    private void sendChunked(ClientSession session, JsonNode messageId, Iterator<JsonNode> items) {
        ArrayNode chunk = F.arrayNode();
        while (items.hasNext()) {
            chunk.add(items.next());
            if (chunk.size() >= CHUNK_SIZE) {
                sendResult(session, messageId, chunk, true);
                chunk = F.arrayNode();
            }
        }
        sendResult(session, messageId, chunk, false);
    }

    void pause(String command) throws InterruptedException {
        Duration wait = commandDelays.getOrDefault(command, delay);
        if (wait != null && !wait.isZero() && !wait.isNegative()) {
            Thread.sleep(wait);
        }
    }

    /** Newest servers replace the text of MA errors by the generic sentence; built-ins keep theirs. */
    String details(MaError error) {
        if (profile.genericErrorDetails() && error.isMusicAssistantError()) {
            String generic = ErrorCode.genericDetails(error.code());
            if (generic != null) {
                return generic;
            }
        }
        return error.text();
    }

    private void handleAuth(ClientSession session, JsonNode messageId, JsonNode args) {
        JsonNode token = truthy(args == null ? null : args.get("token"));
        if (token == null) {
            token = truthy(args == null ? null : args.get("access_token"));
        }
        if (token == null) {
            sendError(session, messageId, ErrorCode.AUTHENTICATION_REQUIRED, "token required in args");
            return;
        }
        Optional<Tokens.Verified> verified = token.isTextual() ? tokens.verify(token.asText()) : Optional.empty();
        if (verified.isEmpty()) {
            sendError(
                    session,
                    messageId,
                    ErrorCode.INVALID_TOKEN,
                    profile.genericErrorDetails()
                            ? ErrorCode.genericDetails(ErrorCode.INVALID_TOKEN)
                            : "Invalid or expired token");
            return;
        }
        session.authenticate(verified.get().user(), verified.get().tokenId());
        ObjectNode result = F.objectNode();
        result.put("authenticated", true);
        result.set("user", json.user(verified.get().user()));
        sendResult(session, messageId, result, false);
    }

    private void handleSetLocale(ClientSession session, JsonNode messageId, JsonNode args) {
        JsonNode locale = truthy(args == null ? null : args.get("locale"));
        if (locale == null) {
            sendError(session, messageId, ErrorCode.INVALID_COMMAND, "locale required in args");
            return;
        }
        ObjectNode result = F.objectNode();
        result.set("locale", locale);
        sendResult(session, messageId, result, false);
    }

    /** Python truthiness of an argument value; null when falsy. */
    private static JsonNode truthy(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        boolean falsy = (value.isTextual() && value.asText().isEmpty())
                || (value.isBoolean() && !value.asBoolean())
                || (value.isNumber() && value.asDouble() == 0)
                || (value.isContainerNode() && value.isEmpty());
        return falsy ? null : value;
    }

    static void sendResult(ClientSession session, JsonNode messageId, JsonNode result, boolean partial) {
        ObjectNode frame = F.objectNode();
        frame.set("message_id", messageId);
        frame.set("result", result);
        frame.put("partial", partial);
        session.send(frame.toString());
    }

    static void sendError(ClientSession session, JsonNode messageId, int code, String details) {
        ObjectNode frame = F.objectNode();
        frame.set("message_id", messageId);
        frame.put("error_code", code);
        frame.put("details", details);
        session.send(frame.toString());
    }
}
