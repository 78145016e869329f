package io.musicassistant.alexa.relay.protocol;

import java.util.Set;

/**
 * Arguments of {@code echo.queue}: one step through the Music Assistant queue of an Echo player
 * (issue 16). The Echo is named by the key its catalog entity carries ({@link ContentId} of kind
 * {@link ContentKind#ECHO}), because that is all a music-skill request knows; the connector finds
 * its Echo player by the same key.
 *
 * @param echo the name key of the Echo player, as in {@code ma1:echo:<key>}
 * @param step {@link #CURRENT} (Initiate: MA's current item from its current position),
 *     {@link #NEXT} or {@link #PREVIOUS} (the item after or before {@code after} in MA's queue as it
 *     is now, which MA then marks as current)
 * @param after MA's {@code queue_item_id} of the item the Echo has; null for {@link #CURRENT}
 * @param userInitiated whether a person asked for the step ("next"), not the end of a track
 */
public record EchoQueueRequest(String echo, String step, String after, boolean userInitiated) {

    public static final String CURRENT = "current";
    public static final String NEXT = "next";
    public static final String PREVIOUS = "previous";
    private static final Set<String> STEPS = Set.of(CURRENT, NEXT, PREVIOUS);
    /** MA's queue item ids are short (uuid hex); anything longer was never issued. */
    public static final int MAX_ITEM_ID_LENGTH = 128;

    public EchoQueueRequest {
        if (echo == null || echo.isBlank() || echo.length() > ContentId.MAX_KEY_LENGTH + 1) {
            throw new ProtocolException("echo must be the name key of an Echo player");
        }
        if (step == null || !STEPS.contains(step)) {
            throw new ProtocolException("step must be current, next or previous");
        }
        if (CURRENT.equals(step) ? after != null : after == null || after.isBlank()) {
            throw new ProtocolException("after is required for next and previous, and absent for current");
        }
        if (after != null && after.length() > MAX_ITEM_ID_LENGTH) {
            throw new ProtocolException("after must be a queue item id");
        }
    }
}
