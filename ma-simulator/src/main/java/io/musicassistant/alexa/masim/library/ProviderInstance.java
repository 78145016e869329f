package io.musicassistant.alexa.masim.library;

/** A music provider instance the library's items are mapped to. */
public record ProviderInstance(String instanceId, String domain, String name) {}
