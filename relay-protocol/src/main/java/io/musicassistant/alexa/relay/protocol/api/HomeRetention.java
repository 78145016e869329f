package io.musicassistant.alexa.relay.protocol.api;

/**
 * When the cloud will remove a home unless something changes (docs/relay-protocol.md, "Retention"):
 * a registration nobody paired within 30 days, or a home whose connector has not been heard from
 * for 90 days. The connector logs a warning once the date is less than a week away, and keeps the
 * last answer so that it can warn while it cannot reach the cloud at all.
 *
 * @param removeAtMs the cloud's time after which the daily sweep removes the home
 * @param reason {@link #NEVER_PAIRED} (pair it to keep it) or {@link #SILENT} (any contact moves the date)
 */
public record HomeRetention(long removeAtMs, String reason) {

    public static final String NEVER_PAIRED = "never_paired";
    public static final String SILENT = "silent";
}
