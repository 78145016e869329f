package io.musicassistant.alexa.architecture.clean.high;

import io.musicassistant.alexa.architecture.clean.low.Floor;

/** A feature that imports its floor: allowed. */
public final class Feature {
    @Override
    public String toString() {
        return Floor.name();
    }
}
