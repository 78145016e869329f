package io.musicassistant.alexa.connector.platform;

import java.time.Duration;

/**
 * How a message to the cloud went, for a sender that keeps what failed and tries again: the player
 * reporter learns it without knowing the relay API's exception (the relay API client translates).
 */
public sealed interface Delivery {

    Delivery DELIVERED = new Delivered();

    /** The cloud took it. */
    record Delivered() implements Delivery {}

    /** Refused for good (a 4xx other than "too many" or "timeout"): sending it again cannot help. */
    record Refused(String reason) implements Delivery {}

    /**
     * Not taken now (unreachable, overloaded, rate-limited); try again, not before {@code retryAfter}
     * ({@link Duration#ZERO}: the cloud named no wait, the sender's own applies).
     */
    record RetryLater(String reason, Duration retryAfter) implements Delivery {}
}
