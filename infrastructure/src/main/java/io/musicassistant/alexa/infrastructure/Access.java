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

    /** identity/TokenCache: the LWA user behind a token hash. */
    private static final Map.Entry<Tables.Spec, List<String>> TOKENS = Map.entry(Tables.TOKENS, List.of(GET, PUT));
    /** relay/RelayClient: the home's reply rows. */
    private static final Map.Entry<Tables.Spec, List<String>> REPLIES = Map.entry(Tables.REPLIES, List.of(GET));
    /** relay/RateLimiter. */
    private static final Map.Entry<Tables.Spec, List<String>> RATE_LIMITS = Map.entry(Tables.RATE_LIMITS, List.of(GET, UPDATE));
    /** control/reporting/Grants (AcceptGrant, refreshes). */
    private static final Map.Entry<Tables.Spec, List<String>> GRANTS = Map.entry(Tables.GRANTS, List.of(GET, PUT, DELETE));
    /** control/reporting/EndpointStates. */
    private static final Map.Entry<Tables.Spec, List<String>> STATES = Map.entry(Tables.ENDPOINT_STATE, List.of(GET, PUT, UPDATE, DELETE));

    /** The music skill: identity, HomeDirectory (homes, links), the relay, PlaybackStore (content, queues). */
    static final Map<Tables.Spec, List<String>> MUSIC_SKILL = Map.ofEntries(TOKENS, REPLIES,
            Map.entry(Tables.HOMES, List.of(GET)),
            Map.entry(Tables.LINKS, List.of(GET)),
            Map.entry(Tables.CONTENT, List.of(GET, BATCH_GET, PUT)),
            Map.entry(Tables.QUEUES, List.of(GET, BATCH_GET, PUT)));

    /** The control skill: as the music skill for homes, plus voice pairing (Pairing.claim), grants and states. */
    static final Map<Tables.Spec, List<String>> CONTROL_SKILL = Map.ofEntries(TOKENS, REPLIES, RATE_LIMITS, GRANTS, STATES,
            Map.entry(Tables.HOMES, List.of(GET, UPDATE)),
            Map.entry(Tables.LINKS, List.of(GET, PUT, DELETE)),
            Map.entry(Tables.PAIRING_CODES, List.of(GET, DELETE)));

    /** The relay API: HomeRegistry, Pairing (issue and claim), the limiter, identity, and ChangeReporter. */
    static final Map<Tables.Spec, List<String>> RELAY_API = Map.ofEntries(TOKENS, RATE_LIMITS, GRANTS, STATES,
            Map.entry(Tables.HOMES, List.of(GET, PUT, UPDATE)),
            Map.entry(Tables.LINKS, List.of(GET, PUT, DELETE)),
            Map.entry(Tables.PAIRING_CODES, List.of(GET, PUT, DELETE)));

    /** What a connector's credentials may do before the per-home session policy narrows them. */
    static final List<String> CONNECTOR_QUEUE_ACTIONS = List.of("sqs:ReceiveMessage", "sqs:DeleteMessage",
            "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes");
    static final List<String> CONNECTOR_REPLY_ACTIONS = List.of(PUT);

    private Access() {
    }
}
