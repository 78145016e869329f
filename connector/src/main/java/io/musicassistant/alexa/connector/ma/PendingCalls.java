package io.musicassistant.alexa.connector.ma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The commands a client sent and waits for, by {@code message_id}: Music Assistant may answer them
 * out of order, and a list result may come in {@code partial} chunks, joined until the final frame.
 */
final class PendingCalls {

    /** A command on its way: the id its frame carries and the future its result completes. */
    record Call(String id, CompletableFuture<JsonNode> result) {}

    private static final class Pending {
        final CompletableFuture<JsonNode> future = new CompletableFuture<>();
        ArrayNode chunks;
    }

    private final AtomicLong ids = new AtomicLong();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    /** Opens a call whose id is {@code prefix} and a number; it is forgotten once its future completes. */
    Call open(String prefix) {
        String id = prefix + ids.incrementAndGet();
        Pending p = new Pending();
        pending.put(id, p);
        p.future.whenComplete((r, e) -> pending.remove(id));
        return new Call(id, p.future);
    }

    /** A call whose frame could not even be written. */
    void forget(String id) {
        pending.remove(id);
    }

    void fail(String id, RuntimeException why) {
        Pending failed = pending.remove(id);
        if (failed != null) {
            failed.future.completeExceptionally(why);
        }
    }

    /** The connection is gone: no call will be answered. */
    void failAll(RuntimeException why) {
        pending.values().forEach(p -> p.future.completeExceptionally(why));
        pending.clear();
    }

    /** A result or error frame for call {@code id}; frames of calls given up on are dropped. */
    void answer(String id, JsonNode frame) {
        Pending p = id == null ? null : pending.get(id);
        if (p == null) {
            return; // a late answer to a command we gave up on
        }
        if (frame.has("error_code")) {
            p.future.completeExceptionally(new MaException(
                    frame.path("error_code").asInt(999), frame.path("details").asText(null)));
            return;
        }
        JsonNode result = frame.get("result");
        if (frame.path("partial").asBoolean(false)) {
            if (p.chunks == null) {
                p.chunks = JsonNodeFactory.instance.arrayNode();
            }
            if (result != null && result.isArray()) {
                p.chunks.addAll((ArrayNode) result);
            }
            return;
        }
        if (p.chunks != null) {
            if (result != null && result.isArray()) {
                p.chunks.addAll((ArrayNode) result);
            }
            result = p.chunks;
        }
        p.future.complete(result == null ? JsonNodeFactory.instance.nullNode() : result);
    }

    /** Waits for a call's result; a timeout cancels the call (its late answer is dropped). */
    static JsonNode await(CompletableFuture<JsonNode> future, Duration timeout, String command) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(false);
            throw new MaUnavailableException(command + " timed out after " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new MaUnavailableException(command + " failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MaUnavailableException("interrupted");
        }
    }
}
