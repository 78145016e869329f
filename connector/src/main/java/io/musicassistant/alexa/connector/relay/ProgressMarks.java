package io.musicassistant.alexa.connector.relay;

import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.relay.protocol.RelayProtocol.ReplyTable;
import java.util.concurrent.CompletableFuture;

/**
 * "Still working" marks in a running command's row ({@link ReplyTable#PROGRESS}), so that the cloud
 * can tell a slow command from a home that died in the middle of one. {@link #stop()} returns only
 * when no mark is being written any more: the reply that follows never races one.
 */
final class ProgressMarks {

    private static final JsonLog LOG = JsonLog.get(ProgressMarks.class);

    private final ReplyWriter replies;
    private final String requestId;
    private final String state;
    private final CompletableFuture<Void> receipt;
    private boolean stopped;
    private Thread ticker;

    private ProgressMarks(ReplyWriter replies, String requestId, String state, CompletableFuture<Void> receipt) {
        this.replies = replies;
        this.requestId = requestId;
        this.state = state;
        this.receipt = receipt;
    }

    /** @param receipt the receipt's write; marks wait for it, so that a receipt never lands on a mark */
    static ProgressMarks start(ReplyWriter replies, String requestId, String state, CompletableFuture<Void> receipt) {
        ProgressMarks progress = new ProgressMarks(replies, requestId, state, receipt);
        progress.ticker = Thread.ofVirtual().name("relay-progress").start(progress::tick);
        return progress;
    }

    private void tick() {
        long n = 0;
        while (true) {
            try {
                Thread.sleep(ReplyTable.PROGRESS_INTERVAL_MS);
            } catch (InterruptedException e) {
                return;
            }
            receipt.join();
            synchronized (this) {
                if (stopped) {
                    return;
                }
                try {
                    replies.progress(requestId, state, ++n);
                } catch (RuntimeException e) {
                    LOG.warn("relay.progress_failed", e, "relay_request_id", requestId);
                }
            }
        }
    }

    /** Under the lock of the mark's write: the interrupt only ever cuts the sleep between marks. */
    synchronized void stop() {
        stopped = true;
        ticker.interrupt();
    }
}
