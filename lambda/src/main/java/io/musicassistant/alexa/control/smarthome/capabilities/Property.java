package io.musicassistant.alexa.control.smarthome.capabilities;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One reported property, as it appears in {@code context.properties} and in ChangeReports:
 * {@code {namespace, name, value, timeOfSample, uncertaintyInMilliseconds}}.
 */
public record Property(
        String namespace, String name, Object value, String timeOfSample, long uncertaintyInMilliseconds) {

    public static Property of(String namespace, String name, Object value, Instant at) {
        return new Property(
                namespace, name, value, at.truncatedTo(ChronoUnit.SECONDS).toString(), 0);
    }

    /** Namespace and name: what a property is, apart from its value and time. */
    public String key() {
        return namespace + "." + name;
    }
}
