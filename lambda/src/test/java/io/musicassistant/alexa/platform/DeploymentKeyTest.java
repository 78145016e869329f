package io.musicassistant.alexa.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploymentKeyTest {

    final DeploymentKey key = DeploymentKey.of("a-deployment-key-of-some-length");

    @Test
    void networksAreSlash24AndSlash48() {
        assertEquals("192.0.2.0/24", DeploymentKey.prefix("192.0.2.77"));
        assertEquals("2001:db8:7::/48", DeploymentKey.prefix("2001:db8:7:1::5"));
        assertEquals("2001:db8:7::/48", DeploymentKey.prefix("2001:0db8:0007:ffff:1:2:3:4"));
        assertEquals("0:0:0::/48", DeploymentKey.prefix("::1"));
        assertEquals("fe80:0:0::/48", DeploymentKey.prefix("fe80::1"));
        assertEquals("not-an-address", DeploymentKey.prefix("not-an-address"));
        assertEquals("1:2:3::4::5", DeploymentKey.prefix("1:2:3::4::5"), "two gaps: not an address, kept as it is");
        assertEquals(key.network("2001:db8:7:1::5"), key.network("2001:db8:7:2::9"));
        assertNotEquals(key.network("2001:db8:7:1::5"), key.network("2001:db8:8:1::5"));
        assertEquals(key.address("192.0.2.1"), key.address("::ffff:192.0.2.1"), "IPv4-mapped IPv6 is the IPv4 address");
        assertEquals(key.address("fe80::1"), key.address("FE80::1%eth0"));
    }

    @Test
    void keyedFormsDependOnTheKeyAndTheirUse() {
        DeploymentKey other = DeploymentKey.of("another-deployment-key-entirely");
        assertNotEquals(key.address("192.0.2.1"), other.address("192.0.2.1"));
        assertNotEquals(
                key.address("192.0.2.1").substring(2), key.network("192.0.2.1").substring(2));
        assertEquals(Hashes.sha256Hex(key.unknownHomeProof("home-x")), key.unknownHomeCheck("home-x"));
        assertFalse(key.toString().contains("deployment-key"));
        assertThrows(IllegalArgumentException.class, () -> DeploymentKey.of("short"));
    }

    @Test
    void configReadsTheKeyDirectlyOrFromSecretsManagerAndNeverPrintsIt() {
        Map<String, String> base = Map.of(
                "LWA_CLIENT_ID",
                "amzn1.application-oa2-client.test",
                "RELAY_MODE",
                "aws",
                "DEPLOYMENT_KEY_SECRET_ARN",
                "arn:aws:secretsmanager:eu-west-1:123456789012:secret:dk");
        Config config = Config.from(base);
        DeploymentKey read = config.deploymentKey(arn -> arn.endsWith(":dk") ? "the-value-in-secrets-manager" : null);
        assertEquals(DeploymentKey.of("the-value-in-secrets-manager").address("192.0.2.1"), read.address("192.0.2.1"));
        Config direct = Config.from(
                Map.of("LWA_CLIENT_ID", "x", "RELAY_MODE", "local", "DEPLOYMENT_KEY", "the-direct-value-0123"));
        assertFalse(direct.toString().contains("the-direct-value"));
        Config none = Config.from(Map.of("LWA_CLIENT_ID", "x", "RELAY_MODE", "aws"));
        assertThrows(IllegalStateException.class, () -> none.deploymentKey(arn -> "x"));
    }
}
