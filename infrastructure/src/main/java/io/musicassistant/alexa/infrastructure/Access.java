package io.musicassistant.alexa.infrastructure;

import io.musicassistant.alexa.platform.Tables;
import java.util.List;
import java.util.Map;

/**
 * Which DynamoDB actions each function needs on which table, read off the code that runs in it
 * (the classes named below). Nothing else is granted: a table a function does not use is not
 * listed, and an action it does not call is not granted. Transactions need the per-item actions.
 */
final class Access {

    static final String GET = "dynamodb:GetItem";
    static final String BATCH_GET = "dynamodb:BatchGetItem";
    static final String PUT = "dynamodb:PutItem";
    static final String UPDATE = "dynamodb:UpdateItem";
    static final String DELETE = "dynamodb:DeleteItem";

    /** identity/TokenCache: the LWA user behind a token hash (all three resolve tokens). */
    private static final Map.Entry<Tables.Spec, List<String>> TOKENS = Map.entry(Tables.TOKENS, List.of(GET, PUT));

    /**
     * The music skill: HomeDirectory (homes, links), RelayClient (reply rows), PlaybackStore (content
     * by key and with the queue state in one BatchGetItem; queue state written on change).
     */
    static final Map<Tables.Spec, List<String>> MUSIC_SKILL = Map.ofEntries(TOKENS,
            Map.entry(Tables.HOMES, List.of(GET)),
            Map.entry(Tables.LINKS, List.of(GET)),
            Map.entry(Tables.REPLIES, List.of(GET)),
            Map.entry(Tables.CONTENT, List.of(GET, BATCH_GET, PUT)),
            Map.entry(Tables.QUEUES, List.of(BATCH_GET, PUT)));

    /**
     * The control skill: as the music skill for homes and replies; voice pairing (Pairing.claim: the
     * code row read and deleted, the link put, the homes updated, in one transaction); RateLimiter.hit;
     * AcceptGrant's Grants.accept; discovery and directive answers remember endpoint state.
     */
    static final Map<Tables.Spec, List<String>> CONTROL_SKILL = Map.ofEntries(TOKENS,
            Map.entry(Tables.HOMES, List.of(GET, UPDATE)),
            Map.entry(Tables.LINKS, List.of(GET, PUT)),
            Map.entry(Tables.PAIRING_CODES, List.of(GET, DELETE)),
            Map.entry(Tables.REPLIES, List.of(GET)),
            Map.entry(Tables.RATE_LIMITS, List.of(UPDATE)),
            Map.entry(Tables.GRANTS, List.of(PUT)),
            Map.entry(Tables.ENDPOINT_STATE, List.of(PUT, UPDATE)));

    /**
     * The relay API: HomeRegistry (register, authenticate, heartbeat), Pairing (issue, claim, unlink),
     * RateLimiter (check and hit), and ChangeReporter (grants read, renewed and forgotten; endpoint
     * state read, replaced and deleted).
     */
    static final Map<Tables.Spec, List<String>> RELAY_API = Map.ofEntries(TOKENS,
            Map.entry(Tables.HOMES, List.of(GET, PUT, UPDATE)),
            Map.entry(Tables.LINKS, List.of(GET, PUT, DELETE)),
            Map.entry(Tables.PAIRING_CODES, List.of(GET, PUT, DELETE)),
            Map.entry(Tables.RATE_LIMITS, List.of(GET, UPDATE)),
            Map.entry(Tables.GRANTS, List.of(GET, PUT, DELETE)),
            Map.entry(Tables.ENDPOINT_STATE, List.of(GET, PUT, DELETE)));

    /** What a connector's credentials may do before the per-home session policy narrows them. */
    static final List<String> CONNECTOR_QUEUE_ACTIONS = List.of("sqs:ReceiveMessage", "sqs:DeleteMessage",
            "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes");
    static final List<String> CONNECTOR_REPLY_ACTIONS = List.of(PUT);

    private Access() {
    }
}
