package io.musicassistant.alexa.masim.profile;

/**
 * Which Music Assistant server generation the simulator imitates. The spec (notes/ma-spec.md)
 * records two: the stable 2.9 line most users run, and the newest dev code.
 */
public enum Profile {

    /** Stable 2.9.x (models ≈ 1.1.129 @ eb1ac33): schema 31, raw error text, admin-only roles. */
    STABLE_2_9("2.9.13", 31),

    /** Newest dev (server @ 010e955, models 1.1.184 @ 04d45a5): schema 77, scopes, summaries. */
    NEWEST("2.10.0", 77);

    /** MA's MIN_SCHEMA_VERSION since 2025-11-26. */
    public static final int MIN_SUPPORTED_SCHEMA_VERSION = 28;

    private final String serverVersion;
    private final int schemaVersion;

    Profile(String serverVersion, int schemaVersion) {
        this.serverVersion = serverVersion;
        this.schemaVersion = schemaVersion;
    }

    public String serverVersion() {
        return serverVersion;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    /** Newest servers replace the details of MA errors by a generic English sentence (§1.8). */
    public boolean genericErrorDetails() {
        return this == NEWEST;
    }

    /** Newest servers check scopes per command; stable only knows "admin required" (§1.5). */
    public boolean scopedPermissions() {
        return this == NEWEST;
    }

    /** Newest {@code library_items} default to {@code summary=true} slim items (§3.2, §4.9). */
    public boolean summaryItemsByDefault() {
        return this == NEWEST;
    }

    /** Before models 034603a (2026-07-01) proxy_id was only filled for non-public images. */
    public boolean proxyIdOnRemoteImages() {
        return this == NEWEST;
    }

    /** The legacy {@code /imageproxy?path=…} route was still served around schema 31. */
    public boolean legacyImageProxy() {
        return this == STABLE_2_9;
    }

    /** Stable models carry {@code translation_key} on every item; newest strip it on output. */
    public boolean translationKeyOnItems() {
        return this == STABLE_2_9;
    }

    /** Server-info keys grew with schema 32 (internal_url, external_url, has_remote_access). */
    public boolean serverInfoUrls() {
        return schemaVersion >= 32;
    }

    public static Profile parse(String text) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "stable", "stable_2_9", "2.9" -> STABLE_2_9;
            case "newest", "dev" -> NEWEST;
            default -> throw new IllegalArgumentException("unknown profile " + text + " (stable|newest)");
        };
    }
}
