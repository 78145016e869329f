package io.musicassistant.alexa.masim.api;

/** A command implementation. Throws {@link io.musicassistant.alexa.masim.error.MaError} on failure. */
@FunctionalInterface
public interface Handler {
    Reply handle(Call call);
}
