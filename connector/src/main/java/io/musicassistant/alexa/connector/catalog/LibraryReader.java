package io.musicassistant.alexa.connector.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.connector.ma.MaClient;
import io.musicassistant.alexa.connector.ma.MaException;
import io.musicassistant.alexa.relay.protocol.ContentKind;
import io.musicassistant.alexa.relay.protocol.catalog.CatalogSnapshot;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads Music Assistant's library one page at a time: {@code music/<type>s/library_items {limit,
 * offset, order_by}} (controllers/media/base.py {@code library_items}; MA's own
 * {@code iter_library_items} pages the same way, 500 at a time, until a short page), so that only one
 * page is in memory. Sorted by name ({@code sort_name}, MA's default) so that items sharing a name
 * arrive together. Newer servers answer with slim summary items (models' summary.py), which carry
 * every field the snapshot needs.
 */
final class LibraryReader {

    static final int PAGE = 500;
    /** A page of 500 items is answered in well under a second by MA's SQLite; a stuck call must end. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private final MaClient ma;

    LibraryReader(MaClient ma) {
        this.ma = ma;
    }

    /** The listing command of a kind: genres and radios included ({@code music/radios}, {@code music/genres}). */
    static String command(ContentKind kind) {
        return "music/" + kind.wireName() + "s/library_items";
    }

    /**
     * Hands every library item of {@code kind} to {@code each}, page by page; {@code more} is asked
     * before each page (false ends the listing early: the snapshot is full). Returns how many items
     * were read, or -1 when this server has no such listing (genres before MA 2.7).
     */
    int read(ContentKind kind, Consumer<JsonNode> each, java.util.function.BooleanSupplier more) {
        int count = 0;
        int maxPages = CatalogSnapshot.MAX_ENTITIES / PAGE + 1;
        for (int page = 0; page < maxPages && more.getAsBoolean(); page++) {
            JsonNode items;
            try {
                items = ma.call(
                        command(kind),
                        Map.of("limit", PAGE, "offset", page * PAGE, "order_by", "sort_name"),
                        CALL_TIMEOUT);
            } catch (MaException e) {
                if (e.code() == MaException.INVALID_COMMAND && page == 0) {
                    return -1;
                }
                throw e;
            }
            if (!items.isArray()) {
                throw new MaException(MaException.INVALID_DATA, command(kind) + " did not answer a list");
            }
            for (JsonNode item : items) {
                each.accept(item);
                count++;
            }
            if (items.size() < PAGE) {
                break;
            }
        }
        return count;
    }
}
