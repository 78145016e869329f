package io.musicassistant.alexa.architecture.clean.low;

/** A floor that depends on nothing above it. */
public final class Floor {
    public static String name() {
        return "floor";
    }
}
