package io.musicassistant.alexa.relay.protocol.catalog;

import io.musicassistant.alexa.relay.protocol.ContentKind;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where and how a home's library snapshot travels (docs/catalogs.md): one object per home in the
 * catalog bucket, {@code snapshots/<instance id>/library.ndjson.gz}, gzip of UTF-8 JSON lines, one
 * {@link SnapshotEntity} per line in {@code RelayJson}'s snake_case. The home replaces it whole when
 * its library changed; the object's key, not its content, says whose it is.
 */
public final class CatalogSnapshot {

    /** Prefix of every snapshot in the catalog bucket. */
    public static final String SNAPSHOTS_PREFIX = "snapshots/";
    /** Name of the one snapshot object under a home's prefix. */
    public static final String FILE_NAME = "library.ndjson.gz";
    /** Prefix of what the catalog build keeps between runs (ledgers, the documents it uploaded). */
    public static final String CATALOGS_PREFIX = "catalogs/";

    public static final String CONTENT_TYPE = "application/gzip";
    /** Far above a 50,000-track library (a few MB); a bound on what one home can make every build read. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;
    /** Lines per snapshot: Amazon's catalogs hold 500,000 entities, no home needs more. */
    public static final int MAX_ENTITIES = 500_000;

    public static final int MAX_NAME_LENGTH = 512;
    public static final int MAX_ALT_NAMES = 8;
    public static final int MAX_PLAYS = 1_000_000;
    public static final int MAX_LAST_PLAYED_DAYS = 3650;
    /**
     * The kinds a snapshot holds, one voice catalog type each; Echo players (issue 16) go into the
     * playlist catalog under their own {@code ma1:echo:} ids.
     */
    public static final List<ContentKind> KINDS = List.of(
            ContentKind.ARTIST,
            ContentKind.ALBUM,
            ContentKind.TRACK,
            ContentKind.PLAYLIST,
            ContentKind.GENRE,
            ContentKind.RADIO,
            ContentKind.ECHO);
    /** How a snapshot key names its home; the build takes the home from here, never from the content. */
    public static final Pattern KEY =
            Pattern.compile(SNAPSHOTS_PREFIX + "(home-[0-9a-hjkmnp-tv-z]{26})/" + Pattern.quote(FILE_NAME));

    private CatalogSnapshot() {}

    public static String key(String instanceId) {
        return SNAPSHOTS_PREFIX + instanceId + "/" + FILE_NAME;
    }
}
