package io.musicassistant.alexa.architecture;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

class PackageRulesTest {

    private static JavaClasses samples(String pkg) {
        return new ClassFileImporter().importPackages("io.musicassistant.alexa.architecture." + pkg);
    }

    @Test
    void aFloorImportingUpwardIsRefusedAndNamed() {
        AssertionError e = assertThrows(
                AssertionError.class,
                () -> PackageRules.under("io.musicassistant.alexa.architecture.sample")
                        .floors("low")
                        .check(samples("sample")));
        assertTrue(e.getMessage().contains("sample.low.Floor"), e.getMessage());
        assertTrue(e.getMessage().contains("sample.high.Feature"), e.getMessage());
    }

    @Test
    void theSameClassesPassWhenNothingIsAFloor() {
        assertDoesNotThrow(() -> PackageRules.under("io.musicassistant.alexa.architecture.sample")
                .check(samples("sample")));
    }

    @Test
    void aFeatureImportingItsFloorPasses() {
        assertDoesNotThrow(() -> PackageRules.under("io.musicassistant.alexa.architecture.clean")
                .floors("low")
                .check(samples("clean")));
    }

    @Test
    void aPackageCycleIsRefused() {
        AssertionError e = assertThrows(
                AssertionError.class,
                () -> PackageRules.under("io.musicassistant.alexa.architecture.cycle")
                        .check(samples("cycle")));
        assertTrue(e.getMessage().contains("Cycle"), e.getMessage());
    }

    @Test
    void aRootWithoutClassesIsAnErrorNotAPass() {
        assertThrows(
                AssertionError.class,
                () -> PackageRules.under("io.musicassistant.alexa.nothing").check(samples("clean")));
    }
}
