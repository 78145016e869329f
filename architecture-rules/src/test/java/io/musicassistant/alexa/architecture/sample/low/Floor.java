package io.musicassistant.alexa.architecture.sample.low;

import io.musicassistant.alexa.architecture.sample.high.Feature;

/** A floor that imports upward: the rules must refuse it. */
public final class Floor {
    public static String name(Feature feature) {
        return feature.toString();
    }
}
