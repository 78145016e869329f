package io.musicassistant.alexa.deploy;

import java.time.Duration;

/** Waits between polls of an asynchronous SMAPI operation; tests pass one that returns at once. */
@FunctionalInterface
interface Pause {

    Pause REAL = duration -> Thread.sleep(duration);

    void pause(Duration duration) throws InterruptedException;
}
