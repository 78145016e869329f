package io.musicassistant.alexa.names;

import java.util.List;

/** A library item as its library spells it: its name and, for tracks and albums, its artists. */
public record Candidate(String name, List<String> artists) {

    public Candidate {
        name = name == null ? "" : name;
        artists = artists == null ? List.of() : List.copyOf(artists);
    }

    public static Candidate of(String name) {
        return new Candidate(name, List.of());
    }
}
