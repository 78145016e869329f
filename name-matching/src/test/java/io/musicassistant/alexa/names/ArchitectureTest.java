package io.musicassistant.alexa.names;

import io.musicassistant.alexa.architecture.PackageRules;
import org.junit.jupiter.api.Test;

/** The module's packages form layers: no package cycles, and floors import nothing above them. */
class ArchitectureTest {

    @Test
    void packagesFormLayers() {
        PackageRules.under("io.musicassistant.alexa.names").checkModule();
    }
}
