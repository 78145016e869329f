package io.musicassistant.alexa.dev;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One catalog as the stand-in holds it; guarded by the stand-in's lock. */
final class SmapiCatalog {

    final String id;
    final String title;
    final MusicCatalogType type;
    final String vendorId;
    final Instant createdDate;
    Instant lastUpdatedDate;
    final Set<String> skillIds = new LinkedHashSet<>();
    final CatalogLedger ledger = new CatalogLedger();
    /** Uploads by id, oldest first. */
    final Map<String, SmapiUpload> uploads = new LinkedHashMap<>();

    SmapiCatalog(String id, String title, MusicCatalogType type, String vendorId, Instant created) {
        this.id = id;
        this.title = title;
        this.type = type;
        this.vendorId = vendorId;
        this.createdDate = created;
        this.lastUpdatedDate = created;
    }

    /** SMAPI's CatalogDetails (and CatalogSummary, which has the same fields). */
    Map<String, Object> details() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("title", title);
        body.put("type", type.type());
        body.put("usage", type.usage());
        body.put("createdDate", SmapiUpload.date(createdDate));
        body.put("lastUpdatedDate", SmapiUpload.date(lastUpdatedDate));
        body.put("associatedSkillIds", List.copyOf(skillIds));
        return body;
    }

    /** Uploads newest first, as a list call answers them. */
    List<SmapiUpload> uploadsNewestFirst() {
        List<SmapiUpload> list = new ArrayList<>(uploads.values());
        return list.reversed();
    }
}
