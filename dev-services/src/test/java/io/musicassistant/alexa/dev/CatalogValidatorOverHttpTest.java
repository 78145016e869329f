package io.musicassistant.alexa.dev;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule's failing document uploaded through the SMAPI stand-in as the builder would upload it:
 * the upload fails at SCHEMA_VALIDATION, the step's errors are SMAPI's {code, message} with the path
 * leading the message, later steps are cancelled, and the document lands under rejected/, not among
 * the accepted ones.
 */
class CatalogValidatorOverHttpTest {

    private static final String SKILL = "amzn1.ask.skill.validator-over-http";
    private static LwaStandIn lwa;
    private static SmapiStandIn smapi;
    private static SmapiHttp client;
    private static Path store;
    private static final Map<String, String> catalogByType = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        store = Files.createTempDirectory("smapi-validator-http");
        lwa = LwaStandIn.start(0, "amzn1.application-oa2-client.validator");
        smapi = SmapiStandIn.start(
                0, store, lwa, SmapiStandIn.Options.defaults().withStepDelay(Duration.ZERO));
        smapi.registerAccessToken("Atza|validator-over-http");
        client = new SmapiHttp(smapi.baseUrl(), "Atza|validator-over-http");
        for (MusicCatalogType type : MusicCatalogType.values()) {
            String id = client.createCatalog(type.type(), "M1VALIDATOR");
            client.associate(SKILL, id);
            catalogByType.put(type.type(), id);
        }
    }

    @AfterAll
    static void stop() {
        smapi.close();
        lwa.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.musicassistant.alexa.dev.CatalogCases#failing")
    void failsSchemaValidationWithThePathInSmapisErrorShape(CatalogCases.Case c) throws Exception {
        String catalogId = catalogByType.get(c.type());
        SmapiHttp.Upload upload = client.await(catalogId, client.upload(catalogId, c.document(), 1));

        assertEquals("FAILED", upload.last().get("status").asText());
        assertEquals("SUCCEEDED", upload.step("UPLOAD").get("status").asText());
        JsonNode schema = upload.step("SCHEMA_VALIDATION");
        assertEquals("FAILED", schema.get("status").asText());
        assertEquals("CANCELLED", upload.step("ER_INGESTION").get("status").asText());
        assertEquals("CANCELLED", upload.step("SLU_MODELING").get("status").asText());
        String prefix = c.path().isEmpty() ? "" : c.path() + ": ";
        boolean found = false;
        for (JsonNode error : schema.get("errors")) {
            assertEquals(2, error.size(), "SMAPI's error is {code, message}: " + error);
            found |= error.get("code").asText().equals(c.code())
                    && error.get("message").asText().startsWith(prefix);
        }
        assertTrue(found, "wanted " + c.code() + " at '" + c.path() + "' in " + schema.get("errors"));
        assertTrue(schema.get("logUrl").isTextual(), "a failed step links its log");

        String type = c.type();
        assertArrayEquals(
                c.document(),
                Files.readAllBytes(store.resolve("rejected").resolve(type).resolve(upload.id() + ".json")));
        assertTrue(Files.exists(store.resolve("rejected").resolve(type).resolve(upload.id() + ".errors.json")));
        assertFalse(
                Files.exists(store.resolve(type).resolve(upload.id() + ".json")),
                "a refused document is not stored as accepted");
        assertTrue(smapi.entities(catalogId).isEmpty());
    }
}
