package io.musicassistant.alexa.architecture.cycle.a;

import io.musicassistant.alexa.architecture.cycle.b.B;

/** One half of a package cycle. */
public final class A {
    public B b() {
        return null;
    }
}
