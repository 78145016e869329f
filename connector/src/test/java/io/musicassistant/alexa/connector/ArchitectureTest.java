package io.musicassistant.alexa.connector;

import io.musicassistant.alexa.architecture.PackageRules;
import org.junit.jupiter.api.Test;

/**
 * The module's packages form layers: no package cycles, and floors import nothing above them. The
 * root package holds the wiring ({@code Connector}, {@code ConnectorMain}) and sits on top; the
 * floor {@code platform} holds what features on both sides of an import share (a command's failure,
 * the state directory, a delivery's outcome, digests).
 */
class ArchitectureTest {

    @Test
    void packagesFormLayers() {
        PackageRules.under("io.musicassistant.alexa.connector")
                .floors("platform")
                .checkModule();
    }
}
