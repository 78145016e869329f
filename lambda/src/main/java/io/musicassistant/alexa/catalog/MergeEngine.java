package io.musicassistant.alexa.catalog;

import java.util.function.Consumer;

/**
 * Runs {@link MergeQuery} over every home's snapshot on an existing engine — Athena in AWS, DuckDB
 * locally — and hands over the rows in the query's order (by kind, then rank).
 */
public interface MergeEngine {

    /** @return how many rows were handed over */
    long merge(MergeQuery query, Consumer<MergedEntity> rows);
}
