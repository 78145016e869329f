package io.musicassistant.alexa.masim.library;

/** A seeded playlog row: {@code username} played {@code uri} some seconds before start-up. */
public record PlayedEntry(String username, String uri, long secondsAgo, boolean fullyPlayed) {}
