package io.musicassistant.alexa.masim.library;

/**
 * The columns MA's {@code SORT_KEYS} order library listings by (controllers/media/base.py): names
 * sort by the precomputed {@code search_name}/{@code search_sort_name} columns, artist names by the
 * first artist's {@code search_name}.
 */
public enum SortColumn {
    NAME,
    SORT_NAME,
    TIMESTAMP_ADDED,
    TIMESTAMP_MODIFIED,
    LAST_PLAYED,
    PLAY_COUNT,
    YEAR,
    DURATION,
    ARTIST_NAME
}
