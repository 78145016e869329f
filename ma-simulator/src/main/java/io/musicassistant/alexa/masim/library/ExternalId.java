package io.musicassistant.alexa.masim.library;

/** One {@code (ExternalID, value)} pair; MA serializes these as two-element arrays. */
public record ExternalId(String type, String value) {}
