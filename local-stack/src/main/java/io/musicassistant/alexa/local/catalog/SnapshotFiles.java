package io.musicassistant.alexa.local.catalog;

import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.catalog.CatalogSnapshot;
import io.musicassistant.alexa.relay.protocol.catalog.SnapshotEntity;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Snapshot files laid out as in the catalog bucket, for DuckDB: {@code <root>/snapshots/<home>/library.ndjson.gz}. */
public final class SnapshotFiles {

    private SnapshotFiles() {}

    public static Path path(Path root, String instanceId) {
        return root.resolve(CatalogSnapshot.key(instanceId));
    }

    /** Writes one home's snapshot as a connector would; returns its size in bytes. */
    public static long write(Path root, String instanceId, Iterable<SnapshotEntity> entities) {
        Path file = path(root, instanceId);
        try {
            Files.createDirectories(file.getParent());
            try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(
                    new GZIPOutputStream(Files.newOutputStream(file), 1 << 16), StandardCharsets.UTF_8))) {
                for (SnapshotEntity entity : entities) {
                    out.write(RelayJson.write(entity));
                    out.write('\n');
                }
            }
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
