package io.musicassistant.alexa.masim.api;

/** A registered API command. */
public record Command(String name, Access access, Handler handler) {}
