package io.musicassistant.alexa.dev;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** The SMAPI stand-in's catalogs and uploads, and the one lock that guards them. */
final class SmapiState {

    /** Guards every catalog and upload. */
    final Object lock = new Object();

    final Map<String, SmapiCatalog> catalogs = new LinkedHashMap<>();
    /** Every catalog's uploads by id, for the presigned URLs (which name no catalog). */
    final Map<String, SmapiUpload> uploads = new HashMap<>();

    private final SecureRandom random = new SecureRandom();

    SmapiCatalog catalog(String catalogId) {
        SmapiCatalog catalog = catalogs.get(catalogId);
        if (catalog == null) {
            throw new IllegalArgumentException("no catalog " + catalogId);
        }
        return catalog;
    }

    SmapiCatalog findCatalog(String catalogId) throws SmapiRefusal {
        SmapiCatalog catalog = catalogs.get(catalogId);
        if (catalog == null) {
            throw new SmapiRefusal(
                    404, SmapiErrors.error("NOT_FOUND", "The catalog " + catalogId + " does not exist."));
        }
        return catalog;
    }

    SmapiUpload findUpload(String catalogId, String uploadId) throws SmapiRefusal {
        SmapiUpload upload = findCatalog(catalogId).uploads.get(uploadId);
        if (upload == null) {
            throw new SmapiRefusal(
                    404,
                    SmapiErrors.error(
                            "NOT_FOUND", "The upload " + uploadId + " does not exist in catalog " + catalogId + "."));
        }
        return upload;
    }

    String randomHex(int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return HexFormat.of().formatHex(buffer);
    }
}
