package io.musicassistant.alexa.dev;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.dev.SmapiUpload.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** SMAPI's upload calls: create an upload (with its presigned part URLs), list uploads, complete one. */
final class SmapiUploads {

    private static final int MAX_PARTS = 1000;

    private final SmapiState state;
    private final SmapiStandIn.Options options;
    private final SmapiPresigned presigned;
    private final SmapiIngestion ingestion;

    SmapiUploads(SmapiState state, SmapiStandIn.Options options, SmapiPresigned presigned, SmapiIngestion ingestion) {
        this.state = state;
        this.options = options;
        this.presigned = presigned;
        this.ingestion = ingestion;
    }

    SmapiAnswer createUpload(String catalogId, JsonNode body) throws SmapiRefusal {
        JsonNode parts = body.get("numberOfUploadParts");
        if (parts == null || !parts.isIntegralNumber() || parts.asLong() < 1 || parts.asLong() > MAX_PARTS) {
            throw new SmapiRefusal(
                    400,
                    SmapiErrors.badRequest(
                            "INVALID_NUMBER_OF_UPLOAD_PARTS",
                            "numberOfUploadParts must be an integer 1-" + MAX_PARTS + "."));
        }
        synchronized (state.lock) {
            SmapiCatalog catalog = state.findCatalog(catalogId);
            if (catalog.skillIds.isEmpty()) {
                throw new SmapiRefusal(
                        403,
                        SmapiErrors.badRequest(
                                "CATALOG_NOT_ASSOCIATED",
                                "The catalog " + catalogId
                                        + " is associated with no skill; associate it before uploading content."));
            }
            SmapiUpload upload = new SmapiUpload(
                    "amzn1.ask.catalog.upload." + state.randomHex(16),
                    catalog,
                    parts.intValue(),
                    options.clock().instant());
            catalog.uploads.put(upload.id, upload);
            state.uploads.put(upload.id, upload);
            Map<String, Object> answer = upload.summary(options.inProgressStatus());
            answer.put("ingestionSteps", upload.ingestionSteps(presigned::presign));
            List<Map<String, Object>> urls = new ArrayList<>();
            for (int part = 1; part <= upload.partCount; part++) {
                urls.add(Map.of("url", presigned.partUrl(upload.id, part), "partNumber", part));
            }
            answer.put("presignedUploadParts", urls);
            return new SmapiAnswer(201, answer);
        }
    }

    SmapiAnswer listUploads(String catalogId, Map<String, String> query) throws SmapiRefusal {
        synchronized (state.lock) {
            List<Map<String, Object>> all = state.findCatalog(catalogId).uploadsNewestFirst().stream()
                    .map(u -> u.summary(options.inProgressStatus()))
                    .toList();
            return new SmapiAnswer(200, SmapiCatalogs.page("uploads", all, query));
        }
    }

    /**
     * Completes an upload: the listed parts must be exactly 1..n in ascending order with the ETags
     * their PUTs were answered with, every part but the last at least {@code minPartBytes}. Then the
     * parts are joined in part order, validated, and ingested step by step on the ingestion thread.
     */
    SmapiAnswer completeUpload(String catalogId, String uploadId, JsonNode body) throws SmapiRefusal {
        JsonNode list = body.get("partETags");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new SmapiRefusal(
                    400,
                    SmapiErrors.badRequest(
                            "INVALID_PART_ETAGS", "partETags must be a non-empty array of {eTag, partNumber}."));
        }
        List<Integer> numbers = new ArrayList<>();
        List<String> eTags = new ArrayList<>();
        for (JsonNode item : list) {
            JsonNode number = item.get("partNumber");
            JsonNode eTag = item.get("eTag");
            if (number == null || !number.isIntegralNumber() || eTag == null || !eTag.isTextual()) {
                throw new SmapiRefusal(
                        400,
                        SmapiErrors.badRequest(
                                "INVALID_PART_ETAGS", "Each of partETags is {eTag: string, partNumber: integer}."));
            }
            numbers.add(number.intValue());
            eTags.add(eTag.textValue());
        }
        byte[] document;
        SmapiUpload upload;
        synchronized (state.lock) {
            upload = state.findUpload(catalogId, uploadId);
            if (upload.completed) {
                throw new SmapiRefusal(
                        409, SmapiErrors.error("CONFLICT", "The upload " + uploadId + " was already completed."));
            }
            for (int i = 0; i < numbers.size(); i++) {
                int number = numbers.get(i);
                if (number < 1 || number > upload.partCount) {
                    throw new SmapiRefusal(
                            400,
                            SmapiErrors.badRequest(
                                    "INVALID_PART_NUMBER",
                                    "Part " + number + " is not one of the upload's parts 1-" + upload.partCount
                                            + "."));
                }
                if (i > 0 && number <= numbers.get(i - 1)) {
                    throw new SmapiRefusal(
                            400,
                            SmapiErrors.badRequest(
                                    "INVALID_PART_ORDER",
                                    "partETags must list each part once, in ascending partNumber order."));
                }
            }
            for (int number = 1; number <= upload.partCount; number++) {
                int index = numbers.indexOf(number);
                SmapiUpload.Part part = upload.parts.get(number);
                if (index < 0 || part == null) {
                    throw new SmapiRefusal(
                            409,
                            SmapiErrors.error(
                                    "CONFLICT",
                                    "Part " + number + " of " + upload.partCount
                                            + (part == null ? " was not uploaded." : " is missing from partETags.")));
                }
                if (!part.eTag().equals(eTags.get(index))) {
                    throw new SmapiRefusal(
                            409,
                            SmapiErrors.error(
                                    "CONFLICT",
                                    "The ETag of part " + number + " is " + part.eTag() + ", not " + eTags.get(index)
                                            + " (send the ETag header as answered, quotes included)."));
                }
            }
            for (int number = 1; number < upload.partCount; number++) {
                SmapiUpload.Part part = upload.parts.get(number);
                if (part.bytes().length < options.minPartBytes()) {
                    throw new SmapiRefusal(
                            400,
                            SmapiErrors.badRequest(
                                    "ENTITY_TOO_SMALL",
                                    "Part " + number + " has " + part.bytes().length
                                            + " bytes; every part but the last needs at least " + options.minPartBytes()
                                            + "."));
                }
            }
            upload.completed = true;
            upload.lastUpdatedDate = options.clock().instant();
            upload.step(Step.UPLOAD).status = SmapiUpload.IN_PROGRESS;
            int size = upload.parts.values().stream()
                    .mapToInt(p -> p.bytes().length)
                    .sum();
            document = new byte[size];
            int at = 0;
            for (SmapiUpload.Part part : upload.parts.values()) { // a TreeMap: part order
                System.arraycopy(part.bytes(), 0, document, at, part.bytes().length);
                at += part.bytes().length;
            }
            upload.parts.clear();
            upload.document = document;
        }
        // Validated here rather than under the lock: a big document must not stall other calls.
        CatalogValidator.Result schema = CatalogValidator.validate(document, upload.catalog.type.type());
        synchronized (state.lock) {
            upload.schema = schema;
        }
        ingestion.start(upload);
        return new SmapiAnswer(202, "");
    }
}
