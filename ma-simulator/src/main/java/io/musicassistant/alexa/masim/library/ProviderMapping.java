package io.musicassistant.alexa.masim.library;

/** Where a library item lives on a provider ({@code ProviderMapping} in MA). */
public record ProviderMapping(
        String itemId,
        String providerDomain,
        String providerInstance,
        boolean available,
        AudioFormat audioFormat,
        String url) {}
