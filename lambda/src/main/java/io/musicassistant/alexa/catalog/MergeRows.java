package io.musicassistant.alexa.catalog;

import io.musicassistant.alexa.relay.protocol.ContentKind;
import java.util.List;

/** Turns one result row of {@link MergeQuery} (its {@link MergeQuery#RESULT_COLUMNS}, as text) into an entity. */
final class MergeRows {

    private MergeRows() {}

    /** @param cells the row's cells in {@link MergeQuery#RESULT_COLUMNS} order; null for SQL NULL */
    static MergedEntity entity(List<String> cells) {
        if (cells.size() != MergeQuery.RESULT_COLUMNS.size()) {
            throw new IllegalStateException(
                    "merge row has " + cells.size() + " columns, expected " + MergeQuery.RESULT_COLUMNS.size());
        }
        return new MergedEntity(
                ContentKind.fromWire(cells.get(0)),
                cells.get(1),
                cells.get(2),
                MergeQuery.altNames(cells.get(3)),
                blankToNull(cells.get(4)),
                blankToNull(cells.get(5)),
                blankToNull(cells.get(6)),
                blankToNull(cells.get(7)),
                number(cells.get(8)),
                number(cells.get(9)),
                number(cells.get(10)),
                number(cells.get(11)),
                cells.get(12) == null ? 0 : Double.parseDouble(cells.get(12)),
                number(cells.get(13)));
    }

    private static long number(String cell) {
        return cell == null || cell.isEmpty() ? 0 : Long.parseLong(cell);
    }

    private static String blankToNull(String cell) {
        return cell == null || cell.isEmpty() ? null : cell;
    }
}
