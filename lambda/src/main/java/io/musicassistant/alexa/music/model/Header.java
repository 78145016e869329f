package io.musicassistant.alexa.music.model;

import java.util.UUID;

/** The header of every Music Skill API message, request or response. */
public record Header(String messageId, String namespace, String name, String payloadVersion) {

    /** A response header with a fresh message id (Alexa wants a UUIDv4, at most 128 characters). */
    public static Header response(String namespace, String name, String payloadVersion) {
        return new Header(UUID.randomUUID().toString(), namespace, name, payloadVersion);
    }
}
