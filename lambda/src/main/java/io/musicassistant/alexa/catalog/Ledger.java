package io.musicassistant.alexa.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Everything one catalog ever received, so that a build sends only what changed and counts what
 * Amazon counts: its catalog id, how many distinct ids were ever uploaded to it (Amazon's 500,000
 * limit is cumulative), and per id the last {@link LedgerEntry}. Stored as gzip JSON lines
 * ({@code catalogs/<type>/ledger.ndjson.gz}): a header line, then one line per id.
 */
public final class Ledger {

    private static final ObjectMapper JSON = new ObjectMapper();

    private String catalogId;
    private long everUploaded;
    private final Map<String, LedgerEntry> entries;

    private Ledger(String catalogId, long everUploaded, Map<String, LedgerEntry> entries) {
        this.catalogId = catalogId;
        this.everUploaded = everUploaded;
        this.entries = entries;
    }

    public static Ledger empty() {
        return new Ledger(null, 0, new HashMap<>());
    }

    public String catalogId() {
        return catalogId;
    }

    /** A new catalog starts a new ledger: nothing was uploaded to it yet. */
    public Ledger forNewCatalog(String id) {
        return new Ledger(id, 0, new HashMap<>());
    }

    public long everUploaded() {
        return everUploaded;
    }

    public LedgerEntry get(String id) {
        return entries.get(id);
    }

    public Map<String, LedgerEntry> entries() {
        return java.util.Collections.unmodifiableMap(entries);
    }

    public long live() {
        return entries.values().stream().filter(e -> !e.deleted()).count();
    }

    /** Records what was sent; an id this catalog never had counts against its cumulative limit. */
    public void record(String id, LedgerEntry entry) {
        if (entries.put(id, entry) == null) {
            everUploaded++;
        }
    }

    public Ledger copy() {
        return new Ledger(catalogId, everUploaded, new HashMap<>(entries));
    }

    public void write(OutputStream out) {
        try (BufferedWriter writer =
                new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(out), StandardCharsets.UTF_8))) {
            ObjectNode header = JSON.createObjectNode().put("version", 1).put("ever_uploaded", everUploaded);
            header.put("catalog_id", catalogId);
            writer.write(header.toString());
            writer.newLine();
            for (Map.Entry<String, LedgerEntry> e : entries.entrySet()) {
                writer.write(JSON.createObjectNode()
                        .put("id", e.getKey())
                        .put("fp", e.getValue().fingerprint())
                        .put("updated_ms", e.getValue().updatedMs())
                        .put("deleted", e.getValue().deleted())
                        .toString());
                writer.newLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Ledger read(InputStream in) {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            JsonNode header = JSON.readTree(reader.readLine());
            if (header == null || header.path("version").asInt() != 1) {
                throw new IllegalStateException("not a catalog ledger of version 1");
            }
            Map<String, LedgerEntry> entries = new HashMap<>();
            String line;
            while ((line = reader.readLine()) != null) {
                JsonNode e = JSON.readTree(line);
                entries.put(
                        e.path("id").asText(),
                        new LedgerEntry(
                                e.path("fp").asText(),
                                e.path("updated_ms").asLong(),
                                e.path("deleted").asBoolean()));
            }
            String catalog = header.path("catalog_id").isTextual()
                    ? header.path("catalog_id").asText()
                    : null;
            return new Ledger(catalog, header.path("ever_uploaded").asLong(), entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
