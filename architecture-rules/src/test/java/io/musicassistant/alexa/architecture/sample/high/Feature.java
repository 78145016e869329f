package io.musicassistant.alexa.architecture.sample.high;

/** A feature that depends on nothing of the sample. */
public final class Feature {}
