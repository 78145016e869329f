package io.musicassistant.alexa.catalog;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes one upload's document in Amazon's catalog format (docs/catalogs.md, the reference's
 * "Document"): {@code {type, version, locales, entities}}, one entity per change, streamed so that
 * 400,000 entities never sit in memory. Names and alternate names are given once per language of
 * the catalog's locales: they are proper names, the same in every language.
 */
public final class CatalogDocument implements AutoCloseable {

    /** Amazon's ISO 8601 with milliseconds in UTC, e.g. {@code 2026-11-20T09:30:00.000Z}. */
    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final JsonGenerator json;
    private final CatalogType type;
    private final List<String> languages;

    public CatalogDocument(OutputStream out, CatalogType type, List<CatalogLocale> locales) {
        this.type = type;
        this.languages = CatalogLocale.languages(locales);
        try {
            json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
            json.writeStartObject();
            json.writeStringField("type", type.amazonType());
            json.writeNumberField("version", 2.0);
            json.writeArrayFieldStart("locales");
            for (CatalogLocale locale : locales) {
                json.writeStartObject();
                json.writeStringField("country", locale.country());
                json.writeStringField("language", locale.language());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("entities");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An entity that is new or changed. */
    public void upsert(MergedEntity entity, int popularity, Instant lastUpdated) {
        try {
            json.writeStartObject();
            json.writeStringField("id", entity.id());
            names("names", entity.name());
            if (!entity.altNames().isEmpty()) {
                json.writeArrayFieldStart("alternateNames");
                for (String language : languages) {
                    json.writeStartObject();
                    json.writeStringField("language", language);
                    json.writeArrayFieldStart("values");
                    for (String alt : entity.altNames()) {
                        json.writeString(alt);
                    }
                    json.writeEndArray();
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeObjectFieldStart("popularity");
            json.writeNumberField("default", popularity);
            json.writeEndObject();
            json.writeStringField("lastUpdatedTime", TIME.format(lastUpdated));
            if ((type == CatalogType.ALBUMS || type == CatalogType.TRACKS) && entity.artistId() != null) {
                reference("artists", entity.artistId(), entity.artist());
            }
            if (type == CatalogType.TRACKS && entity.albumId() != null) {
                reference("albums", entity.albumId(), entity.album());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An entity no home holds any more: Amazon's tombstone, exactly {@code {id, lastUpdatedTime, deleted}}. */
    public void delete(String id, Instant lastUpdated) {
        try {
            json.writeStartObject();
            json.writeStringField("id", id);
            json.writeStringField("lastUpdatedTime", TIME.format(lastUpdated));
            json.writeBooleanField("deleted", true);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void names(String field, String name) throws IOException {
        json.writeArrayFieldStart(field);
        for (String language : languages) {
            json.writeStartObject();
            json.writeStringField("language", language);
            json.writeStringField("value", name);
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private void reference(String field, String id, String name) throws IOException {
        json.writeArrayFieldStart(field);
        json.writeStartObject();
        json.writeStringField("id", id);
        names("names", name);
        json.writeEndObject();
        json.writeEndArray();
    }

    @Override
    public void close() {
        try {
            json.writeEndArray();
            json.writeEndObject();
            json.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
