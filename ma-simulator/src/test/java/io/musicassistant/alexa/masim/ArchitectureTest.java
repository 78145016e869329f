package io.musicassistant.alexa.masim;

import io.musicassistant.alexa.architecture.PackageRules;
import org.junit.jupiter.api.Test;

/**
 * The module's packages form layers: no package cycles, and floors import nothing above them. The
 * floors are what every feature may use: the server generation ({@code profile}), MA's errors, users
 * and tokens, the generated audio and the loopback TCP ports.
 */
class ArchitectureTest {

    @Test
    void packagesFormLayers() {
        PackageRules.under("io.musicassistant.alexa.masim")
                .floors("profile", "error", "auth", "audio", "net")
                .checkModule();
    }
}
