package io.musicassistant.alexa.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.dev.CatalogValidator.Codes;
import io.musicassistant.alexa.dev.CatalogValidator.Result;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule of the catalog format, checked directly (the same cases run over HTTP in CatalogValidatorOverHttpTest). */
class CatalogValidatorTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.musicassistant.alexa.dev.CatalogCases#failing")
    void refusesAndNamesThePath(CatalogCases.Case c) {
        Result result = CatalogValidator.validate(c.document(), c.type());
        assertFalse(result.valid(), c.label());
        assertTrue(
                result.has(c.code(), c.path()),
                c.label() + ": wanted " + c.code() + " at '" + c.path() + "', got " + result.violations());
        assertTrue(result.entities().isEmpty(), "a refused document yields no entities");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.musicassistant.alexa.dev.CatalogCases#valid")
    void acceptsValidDocumentsOfEveryType(String type, ObjectNode document) {
        Result result = CatalogValidator.validate(CatalogDocs.bytes(document), type);
        assertTrue(result.valid(), result.violations().toString());
        assertEquals(document.get("entities").size(), result.entities().size());
    }

    @Test
    void reportsEveryViolationNotJustTheFirst() {
        ObjectNode doc = CatalogDocs.document(
                CatalogDocs.GROUP, CatalogDocs.artist("a.1", "one"), CatalogDocs.artist("a.2", "two"));
        ((ObjectNode) doc.get("entities").get(0)).remove("popularity");
        ((ObjectNode) doc.get("entities").get(1).get("names").get(0)).put("value", "");
        doc.put("version", 3);
        Set<String> found = CatalogValidator.validate(doc, CatalogDocs.GROUP).violations().stream()
                .map(v -> v.code() + "@" + v.path())
                .collect(Collectors.toSet());
        assertEquals(
                Set.of(
                        Codes.MISSING_FIELD + "@entities[0].popularity",
                        Codes.INVALID_LENGTH + "@entities[1].names[0].value",
                        Codes.UNSUPPORTED_VERSION + "@version"),
                found);
    }

    @Test
    void describeLeadsWithThePath() {
        ObjectNode doc = CatalogDocs.document(CatalogDocs.GROUP, CatalogDocs.artist("a.1", "one"));
        ((ObjectNode) doc.get("entities").get(0).get("popularity")).put("default", 300);
        var violation =
                CatalogValidator.validate(doc, CatalogDocs.GROUP).violations().getFirst();
        assertTrue(violation.describe().startsWith("entities[0].popularity.default: "), violation.describe());
    }

    @Test
    void versionTwoAsAnIntegerIsTheSameNumber() {
        ObjectNode doc = CatalogDocs.document(CatalogDocs.GROUP, CatalogDocs.artist("a.1", "one"));
        doc.put("version", 2);
        assertTrue(CatalogValidator.validate(doc, CatalogDocs.GROUP).valid());
    }

    @Test
    void namesMayUseAnyLanguageOfTheDocumentsLocales() {
        ObjectNode doc = CatalogDocs.document(CatalogDocs.GROUP, CatalogDocs.artist("a.1", "die ärzte"));
        ((ArrayNode) doc.get("locales")).add(CatalogDocs.locale("DE", "de"));
        ((ObjectNode) doc.get("entities").get(0).get("names").get(0)).put("language", "de");
        assertTrue(CatalogValidator.validate(doc, CatalogDocs.GROUP).valid());
    }

    @Test
    void stopsCollectingAtTheCap() {
        ObjectNode doc = CatalogDocs.document(CatalogDocs.GROUP);
        ArrayNode entities = (ArrayNode) doc.get("entities");
        for (int i = 0; i < CatalogValidator.MAX_VIOLATIONS + 10; i++) {
            entities.addObject().put("id", "a." + i); // three violations each
        }
        var violations = CatalogValidator.validate(doc, CatalogDocs.GROUP).violations();
        assertEquals(CatalogValidator.MAX_VIOLATIONS, violations.size());
        assertEquals(Codes.TOO_MANY_VIOLATIONS, violations.getLast().code());
    }

    @Test
    void aByteOrderMarkIsSkipped() {
        byte[] json = CatalogDocs.bytes(CatalogDocs.document(CatalogDocs.GENRE, CatalogDocs.genre("g.1", "jazz")));
        byte[] withBom = new byte[json.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withBom, 3, json.length);
        assertTrue(CatalogValidator.validate(withBom, CatalogDocs.GENRE).valid());
    }
}
