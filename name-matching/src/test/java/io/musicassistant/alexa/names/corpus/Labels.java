package io.musicassistant.alexa.names.corpus;

import java.util.function.Function;

/** The corpus files name kinds and categories by lower-case labels; this finds the constant for one. */
final class Labels {

    private Labels() {}

    static <E extends Enum<E>> E find(E[] values, Function<E, String> label, String wanted, String what) {
        for (E e : values) {
            if (label.apply(e).equals(wanted)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + what + ": " + wanted);
    }
}
