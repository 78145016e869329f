package io.musicassistant.alexa.identity;

import java.time.Instant;

/** Who an access token belongs to, and until when the answer holds. */
public record LwaIdentity(String userId, Instant expiresAt) {}
