package io.musicassistant.alexa.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * What the catalog build needs to call SMAPI as the skills' developer account, as the stack's SMAPI
 * secret holds it (docs/catalogs.md): {@code {client_id, client_secret, refresh_token, vendor_id}}.
 * The stack creates the secret with all four empty; the deploy writes them.
 *
 * @param clientId the LWA security profile the refresh token was issued to
 * @param clientSecret its secret (the builder needs both to refresh)
 * @param refreshToken the developer's consent to the catalog scopes
 * @param vendorId the developer account's vendor id (catalogs are created for a vendor)
 */
record SmapiCredentials(String clientId, Secret clientSecret, Secret refreshToken, String vendorId) {

    /** The secret's value: JSON, the only text that holds the secrets in the clear. */
    Secret json() {
        ObjectNode node = Manifests.JSON.createObjectNode();
        node.put("client_id", clientId);
        node.put("client_secret", clientSecret.value());
        node.put("refresh_token", refreshToken.value());
        node.put("vendor_id", vendorId);
        return new Secret(node.toString());
    }

    /** The value as the output shows it: ids in the clear, secrets masked. */
    String shown() {
        ObjectNode node = Manifests.JSON.createObjectNode();
        node.put("client_id", clientId);
        node.put("client_secret", Redactor.MASK);
        node.put("refresh_token", Redactor.MASK);
        node.put("vendor_id", vendorId);
        return node.toString();
    }

    /** What an earlier run wrote; empty for the stack's placeholder (all empty), another shape or no value. */
    static Optional<SmapiCredentials> parse(Optional<String> stored) {
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode node = Manifests.JSON.readTree(stored.get());
            if (node == null || !node.isObject()) {
                return Optional.empty();
            }
            String clientId = node.path("client_id").asText("");
            String clientSecret = node.path("client_secret").asText("");
            String refreshToken = node.path("refresh_token").asText("");
            String vendorId = node.path("vendor_id").asText("");
            if (clientId.isBlank() || clientSecret.isBlank() || refreshToken.isBlank() || vendorId.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(
                    new SmapiCredentials(clientId, new Secret(clientSecret), new Secret(refreshToken), vendorId));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
