package io.musicassistant.alexa.catalog.smapi;

/**
 * What SMAPI calls need: a Login-with-Amazon client and a refresh token of the skill owner's
 * developer account with the catalog scopes, and the vendor id the catalogs belong to. Never printed.
 */
public record SmapiCredentials(String clientId, String clientSecret, String refreshToken, String vendorId) {

    public SmapiCredentials {
        if (clientId == null
                || clientSecret == null
                || refreshToken == null
                || vendorId == null
                || clientId.isBlank()
                || clientSecret.isBlank()
                || refreshToken.isBlank()
                || vendorId.isBlank()) {
            throw new IllegalArgumentException(
                    "SMAPI credentials need client_id, client_secret, refresh_token and vendor_id");
        }
    }

    @Override
    public String toString() {
        return "SmapiCredentials[clientId=" + clientId + ", vendorId=" + vendorId + ", secrets=[redacted]]";
    }
}
