package io.musicassistant.alexa.music.model;

import java.util.List;

/** Alexa's MediaMetadata: what a content or item is called, who made it, and its art. */
public record MediaMetadata(String type, Name name, List<EntityMetadata> authors, EntityMetadata album, Art art) {}
