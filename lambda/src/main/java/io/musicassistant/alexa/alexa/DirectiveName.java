package io.musicassistant.alexa.alexa;

/** The (namespace, name) pair that identifies a directive and keys the handler registry. */
public record DirectiveName(String namespace, String name) {

    @Override
    public String toString() {
        return namespace + "." + name;
    }
}
