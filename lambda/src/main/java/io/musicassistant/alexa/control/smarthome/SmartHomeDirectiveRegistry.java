package io.musicassistant.alexa.control.smarthome;

import io.musicassistant.alexa.alexa.DirectiveName;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every directive the smart-home skill answers, keyed by (namespace, name). */
public final class SmartHomeDirectiveRegistry {

    private final Map<DirectiveName, SmartHomeDirectiveHandler> handlers = new LinkedHashMap<>();

    /** Adds a handler for each directive it declares; refuses it whole when another handler has one of them. */
    public SmartHomeDirectiveRegistry register(SmartHomeDirectiveHandler handler) {
        for (DirectiveName directive : handler.directives()) {
            SmartHomeDirectiveHandler other = handlers.get(directive);
            if (other != null) {
                throw new IllegalStateException("two handlers for " + directive + ": "
                        + other.getClass().getSimpleName() + " and "
                        + handler.getClass().getSimpleName());
            }
        }
        handler.directives().forEach(directive -> handlers.put(directive, handler));
        return this;
    }

    public Optional<SmartHomeDirectiveHandler> find(DirectiveName name) {
        return Optional.ofNullable(handlers.get(name));
    }

    /** Directive → its handler: what discovery's interfaces must account for, checked by a test. */
    public Map<DirectiveName, SmartHomeDirectiveHandler> byDirective() {
        return Collections.unmodifiableMap(handlers);
    }

    public Set<DirectiveName> directives() {
        return Collections.unmodifiableSet(handlers.keySet());
    }
}
