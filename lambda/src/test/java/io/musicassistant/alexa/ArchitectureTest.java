package io.musicassistant.alexa;

import io.musicassistant.alexa.architecture.PackageRules;
import org.junit.jupiter.api.Test;

/**
 * The module's packages form layers: no package cycles, and floors import nothing above them. The
 * floors: {@code platform} (configuration, AWS clients, tables, hashes, limits) and {@code alexa}
 * (what both skills share of Alexa's messages); everything else sits on them, the wiring and the
 * Lambda entry points (the root package) on top. {@code log} and {@code relay.protocol} are other
 * modules (json-log, relay-protocol) under the same root: floors below every package here.
 */
class ArchitectureTest {

    @Test
    void packagesFormLayers() {
        PackageRules.under("io.musicassistant.alexa")
                .floors("platform", "alexa", "log", "relay.protocol")
                .checkModule();
    }
}
