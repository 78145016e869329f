package io.musicassistant.alexa.dev;

import static io.musicassistant.alexa.dev.CatalogDocs.ALBUM;
import static io.musicassistant.alexa.dev.CatalogDocs.GROUP;
import static io.musicassistant.alexa.dev.CatalogDocs.RECORDING;
import static io.musicassistant.alexa.dev.CatalogDocs.T;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SMAPI stand-in over real HTTP, from an LWA refresh token to a document on disk. */
class SmapiStandInTest {

    private static final String CLIENT_ID = "amzn1.application-oa2-client.smapitest";
    private static final String CLIENT_SECRET = "smapi-test-secret";
    private static final String REFRESH = "Atzr|IwEBsmapi-test-refresh-token";
    private static final String VENDOR = "M1SMAPITEST";
    private static final String SKILL = "amzn1.ask.skill.11111111-2222-3333-4444-555555555555";

    @TempDir
    Path store;

    private final List<AutoCloseable> servers = new ArrayList<>();
    private LwaStandIn lwa;
    private SmapiStandIn smapi;
    private SmapiHttp client;

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable server : servers.reversed()) {
            server.close();
        }
    }

    /** Starts LWA and SMAPI stand-ins; the client authenticates with a token LWA's refresh grant issued. */
    private void start(SmapiStandIn.Options options) {
        lwa = LwaStandIn.start(0, "amzn1.application-oa2-client.skilluser");
        servers.add(lwa);
        lwa.registerRefreshToken(CLIENT_ID, CLIENT_SECRET, REFRESH, "amzn1.account.DEVELOPER");
        smapi = SmapiStandIn.start(0, store, lwa, options);
        servers.add(smapi);
        client = new SmapiHttp(
                smapi.baseUrl(),
                refreshGrant(CLIENT_SECRET, REFRESH).json().get("access_token").asText());
    }

    private void start() {
        start(fast());
    }

    private static SmapiStandIn.Options fast() {
        return SmapiStandIn.Options.defaults().withStepDelay(Duration.ZERO).withMinPartBytes(0);
    }

    private SmapiHttp.Response refreshGrant(String secret, String refreshToken) {
        String form =
                "grant_type=refresh_token&refresh_token=" + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8)
                        + "&client_id=" + URLEncoder.encode(CLIENT_ID, StandardCharsets.UTF_8)
                        + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return new SmapiHttp(lwa.baseUrl(), null)
                .send(
                        "POST",
                        lwa.baseUrl() + "/auth/o2/token",
                        form.getBytes(StandardCharsets.UTF_8),
                        Map.of("Content-Type", "application/x-www-form-urlencoded"));
    }

    private String associatedCatalog(String type) {
        String id = client.createCatalog(type, VENDOR);
        client.associate(SKILL, id);
        return id;
    }

    // ---- the whole flow ----------------------------------------------------------------------

    @Test
    void wholeFlowFromRefreshTokenToDocumentOnDisk() throws Exception {
        start(SmapiStandIn.Options.defaults()
                .withStepDelay(Duration.ofMillis(15))
                .withMinPartBytes(64));

        SmapiHttp.Response grant = refreshGrant(CLIENT_SECRET, REFRESH);
        assertEquals(200, grant.status(), grant.body());
        JsonNode tokens = grant.json();
        assertEquals("bearer", tokens.get("token_type").asText());
        assertEquals(3600, tokens.get("expires_in").asInt());
        assertTrue(tokens.get("access_token").asText().startsWith("Atza|"));
        assertTrue(tokens.get("refresh_token").asText().startsWith("Atzr|"));
        client = client.withToken(tokens.get("access_token").asText());

        SmapiHttp.Response created = client.post(
                "/v0/catalogs",
                Map.of(
                        "title",
                        "artists",
                        "type",
                        GROUP,
                        "usage",
                        "AlexaMusic.Catalog.MusicGroup",
                        "vendorId",
                        VENDOR));
        assertEquals(201, created.status(), created.body());
        JsonNode catalog = created.json();
        String artists = catalog.get("id").asText();
        assertEquals(GROUP, catalog.get("type").asText());
        assertEquals("AlexaMusic.Catalog.MusicGroup", catalog.get("usage").asText());
        assertEquals("artists", catalog.get("title").asText());
        assertTrue(catalog.get("associatedSkillIds").isArray()
                && catalog.get("associatedSkillIds").isEmpty());
        Instant.parse(catalog.get("createdDate").asText());
        Instant.parse(catalog.get("lastUpdatedDate").asText());
        client.associate(SKILL, artists);
        String albums = associatedCatalog(ALBUM);
        String tracks = associatedCatalog(RECORDING);

        assertEquals(
                List.of(SKILL),
                List.of(client.get("/v0/catalogs/" + artists)
                        .json()
                        .get("associatedSkillIds")
                        .get(0)
                        .asText()));
        JsonNode forSkill = client.get("/v0/skills/" + SKILL + "/catalogs").json();
        assertEquals(3, forSkill.get("catalogs").size());
        assertFalse(forSkill.get("isTruncated").asBoolean());
        assertEquals(
                List.of(artists, albums, tracks),
                List.copyOf(smapi.skillCatalogs(SKILL).keySet()),
                "the skill's catalogs, oldest first");
        assertEquals(ALBUM, smapi.skillCatalogs(SKILL).get(albums));
        assertTrue(smapi.skillCatalogs("amzn1.ask.skill.another").isEmpty());

        byte[] artistDoc = CatalogDocs.bytes(CatalogDocs.document(
                GROUP,
                CatalogDocs.artist("artist.ma-17", "the beatles"),
                CatalogDocs.artist("artist.ma-18", "the kinks")));
        JsonNode upload = client.createUpload(artists, 2);
        assertEquals("PENDING", upload.get("status").asText());
        assertEquals(artists, upload.get("catalogId").asText());
        assertEquals(2, upload.get("presignedUploadParts").size());
        assertEquals(
                List.of("UPLOAD", "SCHEMA_VALIDATION", "ER_INGESTION", "SLU_MODELING"),
                upload.get("ingestionSteps").findValuesAsText("name"));
        String uploadId = upload.get("id").asText();
        byte[] first = java.util.Arrays.copyOfRange(artistDoc, 0, 100);
        byte[] second = java.util.Arrays.copyOfRange(artistDoc, 100, artistDoc.length);
        // Parts may arrive in any order; they are joined in part order.
        String eTag2 = client.putPart(
                upload.get("presignedUploadParts").get(1).get("url").asText(), second);
        String eTag1 = client.putPart(
                upload.get("presignedUploadParts").get(0).get("url").asText(), first);
        assertTrue(eTag1.startsWith("\"") && eTag1.endsWith("\""), "S3 quotes the ETag: " + eTag1);
        ObjectNode complete = SmallHttp.JSON.createObjectNode();
        complete.putArray("partETags")
                .add(SmallHttp.JSON.createObjectNode().put("eTag", eTag1).put("partNumber", 1))
                .add(SmallHttp.JSON.createObjectNode().put("eTag", eTag2).put("partNumber", 2));
        assertEquals(
                202,
                client.post("/v0/catalogs/" + artists + "/uploads/" + uploadId, complete)
                        .status());

        SmapiHttp.Upload done = client.await(artists, uploadId);
        assertEquals("SUCCEEDED", done.last().get("status").asText());
        assertTrue(
                done.statusesSeen().contains("IN_PROGRESS"),
                "the poller saw the upload in progress: " + done.statusesSeen());
        for (String step : List.of("UPLOAD", "SCHEMA_VALIDATION", "ER_INGESTION", "SLU_MODELING")) {
            assertEquals("SUCCEEDED", done.step(step).get("status").asText(), step);
            assertTrue(done.step(step).get("errors").isEmpty());
        }
        assertEquals("AVAILABLE", done.last().get("file").get("status").asText());
        Path file = store.resolve(GROUP).resolve(uploadId + ".json");
        assertArrayEquals(artistDoc, Files.readAllBytes(file), "the merged document, as uploaded");
        SmapiHttp.Response download = client.send(
                "GET", done.last().get("file").get("presignedDownloadUrl").asText(), null, Map.of());
        assertArrayEquals(artistDoc, download.bytes());
        assertEquals(
                List.of("artist.ma-17", "artist.ma-18"),
                List.copyOf(smapi.entities(artists).keySet()));
        assertEquals(
                "the beatles",
                smapi.entities(artists)
                        .get("artist.ma-17")
                        .get("names")
                        .get(0)
                        .get("value")
                        .asText());

        SmapiHttp.Upload album = client.uploadAndAwait(
                albums, CatalogDocs.document(ALBUM, CatalogDocs.album("album.ma-301", "abbey road", "artist.ma-17")));
        assertEquals(
                "SUCCEEDED", album.last().get("status").asText(), album.last().toString());
        SmapiHttp.Upload track = client.uploadAndAwait(
                tracks,
                CatalogDocs.document(
                        RECORDING,
                        CatalogDocs.track("track.ma-9001", "here comes the sun", "artist.ma-17", "album.ma-301")));
        assertEquals(
                "SUCCEEDED", track.last().get("status").asText(), track.last().toString());
        assertTrue(Files.exists(store.resolve(RECORDING).resolve(track.id() + ".json")));

        JsonNode list = client.get("/v0/catalogs/" + artists + "/uploads").json();
        assertEquals(uploadId, list.get("uploads").get(0).get("id").asText());
        assertEquals("SUCCEEDED", list.get("uploads").get(0).get("status").asText());
    }

    // ---- catalogs and skills -------------------------------------------------------------------

    @Test
    void refusesATypeUsageMismatchAndUnknownTypes() {
        start();
        SmapiHttp.Response mismatch = client.post(
                "/v0/catalogs",
                Map.of("title", "x", "type", GROUP, "usage", "AlexaMusic.Catalog.MusicAlbum", "vendorId", VENDOR));
        assertEquals(400, mismatch.status());
        assertEquals(
                "The specified type/usage combination is invalid",
                mismatch.json().get("message").asText());
        assertTrue(mismatch.json().get("violations").get(0).has("code"));
        SmapiHttp.Response unknown = client.post(
                "/v0/catalogs",
                Map.of(
                        "title",
                        "x",
                        "type",
                        "AMAZON.Podcast",
                        "usage",
                        "AlexaMusic.Catalog.Podcast",
                        "vendorId",
                        VENDOR));
        assertEquals(400, unknown.status());
        SmapiHttp.Response missing = client.post("/v0/catalogs", Map.of("title", "x", "type", GROUP));
        assertEquals(400, missing.status());
        assertEquals(
                List.of("MISSING_FIELD", "MISSING_FIELD"),
                missing.json().get("violations").findValuesAsText("code"));
    }

    @Test
    void listsCatalogsAPageAtATime() {
        start();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(client.createCatalog(CatalogDocs.GENRE, VENDOR));
        }
        client.createCatalog(CatalogDocs.GENRE, "SOMEONE_ELSE");
        JsonNode first =
                client.get("/v0/catalogs?vendorId=" + VENDOR + "&maxResults=2").json();
        assertTrue(first.get("isTruncated").asBoolean());
        JsonNode second = client.get("/v0/catalogs?vendorId=" + VENDOR + "&maxResults=2&nextToken="
                        + first.get("nextToken").asText())
                .json();
        assertFalse(second.get("isTruncated").asBoolean());
        List<String> seen = new ArrayList<>(first.get("catalogs").findValuesAsText("id"));
        seen.addAll(second.get("catalogs").findValuesAsText("id"));
        assertEquals(ids, seen);
        assertEquals(
                400,
                client.get("/v0/catalogs?vendorId=" + VENDOR + "&maxResults=51").status());
        assertEquals(400, client.get("/v0/catalogs").status());
        assertEquals(
                400,
                client.get("/v0/catalogs?vendorId=" + VENDOR + "&nextToken=bogus")
                        .status());
        SmapiHttp.Response unknown = client.get("/v0/catalogs/amzn1.ask.catalog.nope");
        assertEquals(404, unknown.status());
        assertTrue(unknown.json().has("code") && unknown.json().has("message"));
    }

    @Test
    void uploadsNeedAnAssociatedSkill() {
        start();
        String catalog = client.createCatalog(GROUP, VENDOR);
        SmapiHttp.Response refused =
                client.post("/v0/catalogs/" + catalog + "/uploads", Map.of("numberOfUploadParts", 1));
        assertEquals(403, refused.status());
        assertEquals(
                "CATALOG_NOT_ASSOCIATED",
                refused.json().get("violations").get(0).get("code").asText());
        assertEquals(
                400, client.put("/v0/skills/not-a-skill/catalogs/" + catalog).status());
        client.associate(SKILL, catalog);
        assertEquals(
                201,
                client.post("/v0/catalogs/" + catalog + "/uploads", Map.of("numberOfUploadParts", 1))
                        .status());
        assertEquals(
                400,
                client.post("/v0/catalogs/" + catalog + "/uploads", Map.of("numberOfUploadParts", 0))
                        .status());
        assertEquals(
                400,
                client.post("/v0/catalogs/" + catalog + "/uploads", Map.of("numberOfUploadParts", 1001))
                        .status());

        assertEquals(
                204,
                client.delete("/v0/skills/" + SKILL + "/catalogs/" + catalog).status());
        assertTrue(client.get("/v0/skills/" + SKILL + "/catalogs")
                .json()
                .get("catalogs")
                .isEmpty());
        assertEquals(
                403,
                client.post("/v0/catalogs/" + catalog + "/uploads", Map.of("numberOfUploadParts", 1))
                        .status());
        assertEquals(
                404,
                client.delete("/v0/skills/" + SKILL + "/catalogs/" + catalog).status());
    }

    // ---- auth ------------------------------------------------------------------------------------

    @Test
    void refusesCallsWithoutAnAcceptedToken() {
        start();
        SmapiHttp.Response none = client.withToken(null).get("/v0/catalogs?vendorId=" + VENDOR);
        assertEquals(401, none.status());
        assertEquals("UNAUTHORIZED", none.json().get("code").asText());
        assertTrue(none.json().get("message").asText().contains("invalid/expired"));
        assertEquals(
                401,
                client.withToken("Atza|made-up")
                        .get("/v0/catalogs?vendorId=" + VENDOR)
                        .status());
        String expired = lwa.issueToken("amzn1.account.DEVELOPER", null, CLIENT_ID, Duration.ofSeconds(-1));
        assertEquals(
                401,
                client.withToken(expired).get("/v0/catalogs?vendorId=" + VENDOR).status());
        String skillUsersToken = lwa.issueToken("amzn1.account.LISTENER", "Listener", Duration.ofHours(1));
        assertEquals(
                401,
                client.withToken(skillUsersToken)
                        .get("/v0/catalogs?vendorId=" + VENDOR)
                        .status(),
                "a token of another LWA client (a skill user's) is not a developer's");
        assertEquals(
                401,
                client.withToken(null)
                        .send("POST", smapi.baseUrl() + "/v0/catalogs", "{}".getBytes(StandardCharsets.UTF_8), Map.of())
                        .status());

        assertEquals(
                200, client.get("/v0/catalogs?vendorId=" + VENDOR).status(), "the refresh grant's token is accepted");
        assertEquals(
                200,
                client.withToken("Bearer " + client.token())
                        .get("/v0/catalogs?vendorId=" + VENDOR)
                        .status(),
                "as the SDK sends it, too");
        smapi.registerAccessToken("Atza|registered-directly");
        assertEquals(
                200,
                client.withToken("Atza|registered-directly")
                        .get("/v0/catalogs?vendorId=" + VENDOR)
                        .status());
    }

    @Test
    void lwaRefreshGrantChecksTheClientAndTheToken() {
        start();
        SmapiHttp.Response wrongSecret = refreshGrant("not-the-secret", REFRESH);
        assertEquals(401, wrongSecret.status());
        assertEquals("invalid_client", wrongSecret.json().get("error").asText());
        SmapiHttp.Response unknownToken = refreshGrant(CLIENT_SECRET, "Atzr|unknown");
        assertEquals(400, unknownToken.status());
        assertEquals("invalid_grant", unknownToken.json().get("error").asText());
        lwa.registerRefreshToken(
                "amzn1.application-oa2-client.other", "other-secret", "Atzr|of-another-client", "amzn1.account.OTHER");
        assertEquals(
                "invalid_grant",
                refreshGrant(CLIENT_SECRET, "Atzr|of-another-client")
                        .json()
                        .get("error")
                        .asText(),
                "a refresh token is redeemed only by its own client");
    }

    // ---- presigned part URLs -------------------------------------------------------------------

    @Test
    void partUrlsAreSignedAndChecked() {
        start();
        String catalog = associatedCatalog(GROUP);
        JsonNode upload = client.createUpload(catalog, 2);
        String url = upload.get("presignedUploadParts").get(0).get("url").asText();
        String url2 = upload.get("presignedUploadParts").get(1).get("url").asText();
        byte[] bytes = "{}".getBytes(StandardCharsets.UTF_8);

        String signature = url.substring(url.indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length());
        char last = signature.charAt(signature.length() - 1);
        String tamperedSignature = url.substring(0, url.length() - 1) + (last == '0' ? '1' : '0');
        assertS3Error(403, "SignatureDoesNotMatch", client.send("PUT", tamperedSignature, bytes, Map.of()));
        String otherPart = url.replace("/1?", "/2?"); // part 1's signature on part 2's path
        assertS3Error(403, "SignatureDoesNotMatch", client.send("PUT", otherPart, bytes, Map.of()));
        String longer = url.replace("X-Amz-Expires=3600", "X-Amz-Expires=604800");
        assertNotEquals(url, longer);
        assertS3Error(403, "SignatureDoesNotMatch", client.send("PUT", longer, bytes, Map.of()));
        assertS3Error(403, "SignatureDoesNotMatch", client.send("GET", url, null, Map.of()));
        assertS3Error(403, "AccessDenied", client.send("PUT", url.substring(0, url.indexOf('?')), bytes, Map.of()));
        assertS3Error(400, "InvalidArgument", client.send("PUT", url, bytes, Map.of("Authorization", client.token())));

        assertEquals(200, client.send("PUT", url, bytes, Map.of()).status());
        assertEquals(200, client.send("PUT", url2, bytes, Map.of()).status());
    }

    @Test
    void expiredPartUrlsAreRefused() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-20T09:30:00Z"));
        start(fast().withClock(clock).withUrlLifetime(Duration.ofMinutes(15)));
        String catalog = associatedCatalog(GROUP);
        String url = client.createUpload(catalog, 1)
                .get("presignedUploadParts")
                .get(0)
                .get("url")
                .asText();
        clock.advance(Duration.ofMinutes(14));
        assertEquals(200, client.send("PUT", url, new byte[] {'{'}, Map.of()).status());
        clock.advance(Duration.ofMinutes(2));
        SmapiHttp.Response expired = client.send("PUT", url, new byte[] {'{'}, Map.of());
        assertS3Error(403, "AccessDenied", expired);
        assertTrue(expired.body().contains("expired"), expired.body());
    }

    private static void assertS3Error(int status, String code, SmapiHttp.Response response) {
        assertEquals(status, response.status(), response.body());
        assertTrue(response.body().contains("<Code>" + code + "</Code>"), response.body());
    }

    // ---- completion ------------------------------------------------------------------------------

    @Test
    void completionConflictsAndRefusals() {
        start(SmapiStandIn.Options.defaults().withStepDelay(Duration.ZERO)); // S3's 5 MiB minimum part size
        String catalog = associatedCatalog(GROUP);
        byte[] doc = CatalogDocs.bytes(CatalogDocs.document(GROUP, CatalogDocs.artist("artist.1", "one")));
        JsonNode upload = client.createUpload(catalog, 2);
        String path = "/v0/catalogs/" + catalog + "/uploads/" + upload.get("id").asText();
        String eTag1 = client.putPart(
                upload.get("presignedUploadParts").get(0).get("url").asText(),
                java.util.Arrays.copyOfRange(doc, 0, 10));

        SmapiHttp.Response missing = client.post(path, partETags(eTag1, 1));
        assertEquals(409, missing.status(), missing.body());
        assertTrue(missing.json().get("message").asText().contains("Part 2"), missing.body());
        assertEquals("CONFLICT", missing.json().get("code").asText());

        String eTag2 = client.putPart(
                upload.get("presignedUploadParts").get(1).get("url").asText(),
                java.util.Arrays.copyOfRange(doc, 10, doc.length));
        assertEquals(
                409,
                client.post(path, partETags(eTag1.replace("\"", ""), 1, eTag2, 2))
                        .status(),
                "an ETag without its quotes");
        assertEquals(409, client.post(path, partETags(eTag2, 1, eTag1, 2)).status(), "ETags swapped");
        assertEquals(400, client.post(path, partETags(eTag2, 2, eTag1, 1)).status(), "parts out of order");
        assertEquals(400, client.post(path, partETags(eTag1, 1, eTag2, 3)).status(), "a part that does not exist");
        SmapiHttp.Response small = client.post(path, partETags(eTag1, 1, eTag2, 2));
        assertEquals(400, small.status(), "part 1 is under S3's 5 MiB minimum");
        assertEquals(
                "ENTITY_TOO_SMALL",
                small.json().get("violations").get(0).get("code").asText());
        assertEquals(
                404,
                client.post("/v0/catalogs/" + catalog + "/uploads/amzn1.ask.catalog.upload.nope", partETags(eTag1, 1))
                        .status());

        // A single-part upload has no minimum; completing it twice conflicts, and its URL is spent.
        JsonNode single = client.createUpload(catalog, 1);
        String singlePath =
                "/v0/catalogs/" + catalog + "/uploads/" + single.get("id").asText();
        String url = single.get("presignedUploadParts").get(0).get("url").asText();
        String eTag = client.putPart(url, doc);
        assertEquals(202, client.post(singlePath, partETags(eTag, 1)).status());
        SmapiHttp.Response twice = client.post(singlePath, partETags(eTag, 1));
        assertEquals(409, twice.status());
        assertS3Error(404, "NoSuchUpload", client.send("PUT", url, doc, Map.of()));
        assertEquals(
                "SUCCEEDED",
                client.await(catalog, single.get("id").asText())
                        .last()
                        .get("status")
                        .asText());
    }

    private static ObjectNode partETags(Object... eTagAndNumber) {
        ObjectNode body = SmallHttp.JSON.createObjectNode();
        var list = body.putArray("partETags");
        for (int i = 0; i < eTagAndNumber.length; i += 2) {
            list.addObject().put("eTag", (String) eTagAndNumber[i]).put("partNumber", (Integer) eTagAndNumber[i + 1]);
        }
        return body;
    }

    // ---- ingestion -------------------------------------------------------------------------------

    @Test
    void theCumulativeCapCountsEveryIdEverAcceptedTombstonesIncluded() throws Exception {
        start(fast().withEntityCap(3));
        String catalog = associatedCatalog(GROUP);
        assertEquals(
                "SUCCEEDED",
                client.uploadAndAwait(
                                catalog,
                                CatalogDocs.document(
                                        GROUP, CatalogDocs.artist("a.1", "one"), CatalogDocs.artist("a.2", "two")))
                        .last()
                        .get("status")
                        .asText());

        SmapiHttp.Upload over = client.uploadAndAwait(
                catalog,
                CatalogDocs.document(GROUP, CatalogDocs.artist("a.3", "three"), CatalogDocs.artist("a.4", "four")));
        assertEquals("FAILED", over.last().get("status").asText());
        JsonNode er = over.step("ER_INGESTION");
        assertEquals("FAILED", er.get("status").asText());
        assertEquals(
                "ENTITY_LIMIT_EXCEEDED", er.get("errors").get(0).get("code").asText());
        assertTrue(er.get("errors").get(0).get("message").asText().contains("cap of 3"), er.toString());
        assertEquals("CANCELLED", over.step("SLU_MODELING").get("status").asText());
        assertEquals(2, smapi.cumulativeEntityIds(catalog), "nothing of a failed upload is applied");
        assertTrue(Files.exists(store.resolve("rejected").resolve(GROUP).resolve(over.id() + ".json")));

        String later = "2026-11-21T09:30:00.000Z";
        assertEquals(
                "SUCCEEDED",
                client.uploadAndAwait(
                                catalog,
                                CatalogDocs.document(
                                        GROUP, CatalogDocs.tombstone("a.1", later), CatalogDocs.artist("a.3", "three")))
                        .last()
                        .get("status")
                        .asText());
        assertEquals(List.of("a.2", "a.3"), List.copyOf(smapi.entities(catalog).keySet()), "a.1 is deleted");
        assertEquals(3, smapi.cumulativeEntityIds(catalog));
        SmapiHttp.Upload tombstoneOnly =
                client.uploadAndAwait(catalog, CatalogDocs.document(GROUP, CatalogDocs.tombstone("a.9", later)));
        assertEquals("FAILED", tombstoneOnly.last().get("status").asText(), "a deletion of a new id counts, too");
        SmapiHttp.Upload resend = client.uploadAndAwait(
                catalog,
                CatalogDocs.document(GROUP, CatalogDocs.artist("a.1", "one again", "2026-11-22T09:30:00.000Z")));
        assertEquals("SUCCEEDED", resend.last().get("status").asText(), "an id already counted costs nothing");
    }

    @Test
    void unresolvedReferencesFailEntityResolution() throws Exception {
        start();
        String artists = associatedCatalog(GROUP);
        String albums = associatedCatalog(ALBUM);
        client.uploadAndAwait(artists, CatalogDocs.document(GROUP, CatalogDocs.artist("artist.known", "known")));
        String otherSkillArtists = client.createCatalog(GROUP, VENDOR);
        client.associate("amzn1.ask.skill.other", otherSkillArtists);
        client.uploadAndAwait(
                otherSkillArtists, CatalogDocs.document(GROUP, CatalogDocs.artist("artist.elsewhere", "elsewhere")));

        SmapiHttp.Upload upload = client.uploadAndAwait(
                albums,
                CatalogDocs.document(
                        ALBUM,
                        CatalogDocs.album("album.1", "fine", "artist.known"),
                        CatalogDocs.album("album.2", "dangling", "artist.nowhere"),
                        CatalogDocs.album("album.3", "another skill's", "artist.elsewhere")));
        assertEquals("FAILED", upload.last().get("status").asText());
        assertEquals(
                "SUCCEEDED", upload.step("SCHEMA_VALIDATION").get("status").asText(), "the document itself is valid");
        JsonNode er = upload.step("ER_INGESTION");
        assertEquals("FAILED", er.get("status").asText());
        List<String> messages = er.get("errors").findValuesAsText("message");
        assertTrue(
                messages.getFirst().contains("artist.elsewhere")
                        && messages.getFirst().contains("artist.nowhere"),
                messages.toString());
        assertTrue(
                messages.stream()
                        .anyMatch(m -> m.startsWith("entities[1].artists[0].id: ") && m.contains("artist.nowhere")),
                messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("entities[2].artists[0].id: ")), messages.toString());
        assertTrue(messages.stream().noneMatch(m -> m.startsWith("entities[0]")), messages.toString());
        assertTrue(smapi.entities(albums).isEmpty());
        assertFalse(Files.exists(store.resolve(ALBUM).resolve(upload.id() + ".json")));
        JsonNode log =
                client.send("GET", er.get("logUrl").asText(), null, Map.of()).json();
        assertEquals(er.get("errors"), log.get("errors"));
    }

    @Test
    void referencesResolveWithinTheSameBatchWhateverTheOrder() {
        start(fast().withStepDelay(Duration.ofMillis(100)));
        String artists = associatedCatalog(GROUP);
        String albums = associatedCatalog(ALBUM);
        String tracks = associatedCatalog(RECORDING);
        // Tracks completed first, then albums, then artists: all three are in flight together.
        String trackUpload = client.upload(
                tracks,
                CatalogDocs.bytes(CatalogDocs.document(
                        RECORDING, CatalogDocs.track("track.1", "something", "artist.1", "album.1"))),
                1);
        String albumUpload = client.upload(
                albums,
                CatalogDocs.bytes(CatalogDocs.document(ALBUM, CatalogDocs.album("album.1", "abbey road", "artist.1"))),
                1);
        String artistUpload = client.upload(
                artists,
                CatalogDocs.bytes(CatalogDocs.document(GROUP, CatalogDocs.artist("artist.1", "the beatles"))),
                1);
        assertEquals(
                "SUCCEEDED",
                client.await(tracks, trackUpload).last().get("status").asText());
        assertEquals(
                "SUCCEEDED",
                client.await(albums, albumUpload).last().get("status").asText());
        assertEquals(
                "SUCCEEDED",
                client.await(artists, artistUpload).last().get("status").asText());
        assertEquals(1, smapi.entities(tracks).size());
    }

    @Test
    void idsAreUniqueAcrossTheSkillsCatalogs() {
        start();
        String artists = associatedCatalog(GROUP);
        String genres = associatedCatalog(CatalogDocs.GENRE);
        client.uploadAndAwait(artists, CatalogDocs.document(GROUP, CatalogDocs.artist("shared.1", "jazz")));
        SmapiHttp.Upload clash = client.uploadAndAwait(
                genres, CatalogDocs.document(CatalogDocs.GENRE, CatalogDocs.genre("shared.1", "jazz")));
        assertEquals("FAILED", clash.last().get("status").asText());
        assertEquals(
                "ID_IN_OTHER_CATALOG",
                clash.step("ER_INGESTION").get("errors").get(0).get("code").asText());
    }

    @Test
    void aChangeWithAnUnchangedLastUpdatedTimeIsIgnoredAndReported() {
        start();
        String catalog = associatedCatalog(GROUP);
        client.uploadAndAwait(
                catalog,
                CatalogDocs.document(
                        GROUP,
                        CatalogDocs.artist("artist.1", "the beatles"),
                        CatalogDocs.artist("artist.2", "the kinks")));

        SmapiHttp.Upload same = client.uploadAndAwait(
                catalog,
                CatalogDocs.document(
                        GROUP,
                        CatalogDocs.artist("artist.2", "the kinks"),
                        CatalogDocs.artist("artist.1", "beatles, the")));
        assertEquals("SUCCEEDED", same.last().get("status").asText(), "a warning, not a failure");
        JsonNode errors = same.step("ER_INGESTION").get("errors");
        assertEquals(1, errors.size(), "the unchanged artist.2 is no warning: " + errors);
        assertEquals(
                "CHANGE_IGNORED_SAME_LAST_UPDATED_TIME",
                errors.get(0).get("code").asText());
        assertTrue(errors.get(0).get("message").asText().startsWith("entities[1]: "), errors.toString());
        assertEquals("the beatles", name(smapi.entities(catalog).get("artist.1")), "kept in its old form");

        SmapiHttp.Upload newer = client.uploadAndAwait(
                catalog,
                CatalogDocs.document(
                        GROUP, CatalogDocs.artist("artist.1", "beatles, the", "2026-11-21T00:00:00.000Z")));
        assertTrue(newer.step("ER_INGESTION").get("errors").isEmpty());
        assertEquals("beatles, the", name(smapi.entities(catalog).get("artist.1")));

        SmapiHttp.Upload older = client.uploadAndAwait(
                catalog, CatalogDocs.document(GROUP, CatalogDocs.artist("artist.1", "old name", T)));
        assertEquals(
                "STALE_ENTITY_IGNORED",
                older.step("ER_INGESTION").get("errors").get(0).get("code").asText());
        assertEquals("beatles, the", name(smapi.entities(catalog).get("artist.1")));
    }

    private static String name(JsonNode entity) {
        return entity.get("names").get(0).get("value").asText();
    }

    @Test
    void sluModelingThatStaysPendingPinsTheUploadInProgress() throws Exception {
        start(fast().withStepDelay(Duration.ofMillis(5)).withSluModeling(SmapiStandIn.SluModeling.STAYS_PENDING));
        String catalog = associatedCatalog(GROUP);
        String uploadId = client.upload(
                catalog, CatalogDocs.bytes(CatalogDocs.document(GROUP, CatalogDocs.artist("a.1", "one"))), 1);
        SmapiHttp.Upload upload = client.awaitEntityResolution(catalog, uploadId);
        assertEquals("SUCCEEDED", upload.step("ER_INGESTION").get("status").asText());
        assertEquals("PENDING", upload.step("SLU_MODELING").get("status").asText());
        assertEquals("IN_PROGRESS", upload.last().get("status").asText());
        assertTrue(
                Files.exists(store.resolve(GROUP).resolve(uploadId + ".json")), "accepted once ER_INGESTION succeeded");
        assertEquals(1, smapi.entities(catalog).size(), "and its entities resolve");
        Thread.sleep(30); // several step delays: nothing more happens
        JsonNode again =
                client.get("/v0/catalogs/" + catalog + "/uploads/" + uploadId).json();
        assertEquals("IN_PROGRESS", again.get("status").asText());
    }

    @Test
    void theInProgressStatusCanBeTheSdksProcessing() {
        start(fast().withSluModeling(SmapiStandIn.SluModeling.STAYS_IN_PROGRESS).withInProgressStatus("PROCESSING"));
        String catalog = associatedCatalog(GROUP);
        String uploadId = client.upload(
                catalog, CatalogDocs.bytes(CatalogDocs.document(GROUP, CatalogDocs.artist("a.1", "one"))), 1);
        SmapiHttp.Upload upload = client.awaitEntityResolution(catalog, uploadId);
        assertEquals("IN_PROGRESS", upload.step("SLU_MODELING").get("status").asText());
        assertEquals("PROCESSING", upload.last().get("status").asText());
    }

    /** A clock tests move by hand, for URL expiry without waiting. */
    static final class MutableClock extends Clock {
        private final AtomicReference<Instant> now;

        MutableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration by) {
            now.updateAndGet(t -> t.plus(by));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
