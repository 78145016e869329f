package io.musicassistant.alexa.music.model;

/** An author or album reference inside {@link MediaMetadata}. */
public record EntityMetadata(Name name) {

    public static EntityMetadata of(String name) {
        return new EntityMetadata(Name.of(name));
    }
}
