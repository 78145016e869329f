package io.musicassistant.alexa.names;

/** The candidate a spoken name means: its index in the list given, and how sure the matcher is (0–1). */
public record Choice(int index, double confidence) {}
