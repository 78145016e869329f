package io.musicassistant.alexa.dev;

import java.util.Map;

/** Login with Amazon's error bodies, as its documentation gives them. */
final class LwaErrors {

    private LwaErrors() {}

    static Map<String, String> missingToken() {
        return Map.of(
                "error",
                "invalid_request",
                "error_description",
                "The request is missing a required parameter : access_token");
    }

    static Map<String, String> invalidToken() {
        return Map.of(
                "error", "invalid_token", "error_description", "The request has an invalid parameter : access_token");
    }

    static Map<String, String> expiredToken() {
        return Map.of("error", "invalid_token", "error_description", "The access token provided is expired");
    }
}
