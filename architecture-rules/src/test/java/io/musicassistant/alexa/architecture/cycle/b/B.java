package io.musicassistant.alexa.architecture.cycle.b;

import io.musicassistant.alexa.architecture.cycle.a.A;

/** The other half of a package cycle. */
public final class B {
    public A a() {
        return null;
    }
}
