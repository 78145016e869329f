package io.musicassistant.alexa.local;

import io.musicassistant.alexa.architecture.PackageRules;
import org.junit.jupiter.api.Test;

/** The module's packages form layers: no package cycles, and floors import nothing above them. */
class ArchitectureTest {

    @Test
    void packagesFormLayers() {
        // the local catalog build and the fault proxies know nothing of the stack that starts them
        PackageRules.under("io.musicassistant.alexa.local")
                .floors("catalog", "faults")
                .checkModule();
    }
}
