package io.musicassistant.alexa.catalog;

/**
 * What the build last told Amazon about one entity: a fingerprint of what was sent, when
 * ({@code lastUpdatedTime}), and whether it was a deletion.
 */
public record LedgerEntry(String fingerprint, long updatedMs, boolean deleted) {}
