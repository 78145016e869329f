package io.musicassistant.alexa.relay.protocol;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Constants both sides of the relay must agree on. docs/relay-protocol.md is the prose version;
 * change both together and bump {@link #VERSION} on any change an older peer could misread.
 */
public final class RelayProtocol {

    /** Version of the command and reply messages. */
    public static final int VERSION = 1;

    /** Versions this build can execute (connector) or understand replies of (cloud). */
    public static final int MIN_SUPPORTED_VERSION = 1;

    /** Instance ids are {@code home-} plus 26 Crockford base32 characters (128 random bits). */
    public static final Pattern INSTANCE_ID = Pattern.compile("home-[0-9a-hjkmnp-tv-z]{26}");

    /** Request ids are UUIDs in canonical lowercase form. */
    public static final Pattern REQUEST_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** Largest SQS message body the cloud sends; commands are small, results travel via DynamoDB. */
    public static final int MAX_COMMAND_BYTES = 64 * 1024;

    /** Reply bodies above this size are gzip-compressed into {@link ReplyTable#REPLY_GZ}. */
    public static final int COMPRESS_REPLY_ABOVE_BYTES = 8 * 1024;

    /** Largest reply body accepted (after decompression); DynamoDB's item limit is 400 KB compressed. */
    public static final int MAX_REPLY_BYTES = 4 * 1024 * 1024;

    private RelayProtocol() {}

    /** The commands of protocol version 1. */
    public enum Command {
        /** Health check; result {@code {"pong": true, "ma_connected": bool}}. */
        PING("ping", false),
        /** Find content in Music Assistant and resolve it to playable tracks; args {@link ContentQuery}. */
        CONTENT_RESOLVE("content.resolve", false),
        /** Sign fresh stream URLs for tracks already resolved; args {@link SignStreams}. */
        STREAM_SIGN("stream.sign", false),
        /**
         * Start downloading tracks a queue will play soon; args {@link PrefetchStreams}. A hint: the
         * cloud does not wait, and the connector writes no reply.
         */
        STREAM_PREFETCH("stream.prefetch", false, false),
        /** The home's players; result {@link PlayerList}. */
        PLAYERS_LIST("players.list", false),
        /** One player; args {@link PlayerRef}, result {@link PlayerInfo}. */
        PLAYER_GET("player.get", false),
        /** Do something to a player; args {@link PlayerAction}, result the {@link PlayerInfo} after. */
        PLAYER_CONTROL("player.control", true),
        /** Find content and play it on a player; args {@link PlayRequest}, result {@link PlayResult}. */
        PLAYER_PLAY("player.play", true),
        /** Move playback between players; args {@link TransferRequest}, result the target's {@link PlayerInfo}. */
        PLAYER_TRANSFER("player.transfer", true),
        /**
         * An Echo player's Music Assistant queue, one step at a time (issue 16); args
         * {@link EchoQueueRequest}, result {@link EchoQueueReply}. Mutating: a step moves MA's queue.
         */
        ECHO_QUEUE("echo.queue", true);

        private final String wireName;
        private final boolean mutating;
        private final boolean replied;

        Command(String wireName, boolean mutating) {
            this(wireName, mutating, true);
        }

        Command(String wireName, boolean mutating, boolean replied) {
            this.wireName = wireName;
            this.mutating = mutating;
            this.replied = replied;
        }

        /** Whether the cloud waits for a reply row; hints ({@link #STREAM_PREFETCH}) get none. */
        public boolean replied() {
            return replied;
        }

        public String wireName() {
            return wireName;
        }

        /**
         * Mutating commands change something in the home (a player starts playing). The connector
         * claims them durably before executing so that a duplicate delivery never runs them twice;
         * read-only commands are only de-duplicated in memory.
         */
        public boolean mutating() {
            return mutating;
        }

        public static Optional<Command> byWireName(String name) {
            return Arrays.stream(values()).filter(c -> c.wireName.equals(name)).findFirst();
        }
    }

    /** Attribute names of the reply table, written by the home and read by the cloud. */
    public static final class ReplyTable {
        /** Partition key: {@code <instance id>#<request id>}; the prefix is what IAM scopes a home to. */
        public static final String KEY = "reply_key";
        /** The reply as JSON text. */
        public static final String REPLY = "reply";
        /** The reply as gzip-compressed JSON, for large replies. */
        public static final String REPLY_GZ = "reply_gz";
        /**
         * {@code received} the moment the home took a command off its queue (read-only commands),
         * {@code claimed} while a mutating command runs (its claim is its receipt), then {@code done}.
         * Any row at all tells the cloud the home is listening (docs/relay-protocol.md, "Receipts").
         */
        public static final String STATE = "state";
        /** TTL attribute, epoch seconds. */
        public static final String EXPIRES_AT = "expires_at";

        /**
         * A counter the home rewrites every {@link #PROGRESS_INTERVAL_MS} while a command it acknowledged
         * still runs. The cloud takes a row that stops changing for {@link #PROGRESS_SILENCE_MS} as a
         * home that died mid-command (killed, lost its network) and answers at once instead of waiting
         * for the deadline; a slow but living home keeps the counter moving (docs/relay-protocol.md, "Receipts").
         */
        public static final String PROGRESS = "progress";

        public static final long PROGRESS_INTERVAL_MS = 400;
        public static final long PROGRESS_SILENCE_MS = 1500;

        public static final String STATE_RECEIVED = "received";
        public static final String STATE_CLAIMED = "claimed";
        public static final String STATE_DONE = "done";

        /** Replies are read within seconds; keep them a little longer for debugging. */
        public static final long TTL_SECONDS = 15 * 60;

        private ReplyTable() {}

        public static String key(String instanceId, String requestId) {
            return instanceId + "#" + requestId;
        }
    }
}
