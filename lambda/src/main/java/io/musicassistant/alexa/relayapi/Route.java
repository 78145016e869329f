package io.musicassistant.alexa.relayapi;

import io.musicassistant.alexa.relayapi.HomeRegistry.AuthenticatedHome;

/** One route of the relay API: the key it answers, declared by the route itself, and how it answers. */
public sealed interface Route permits Route.OfHome, Route.Open {

    RouteKey key();

    /**
     * A route of one home ({@code /v1/homes/{id}/…}), called by its connector with the home's secret
     * and a JSON body. {@link RelayApi} checks the secret before the route is called.
     */
    non-sealed interface OfHome extends Route {
        ApiResponse handle(ApiRequest request, AuthenticatedHome home);
    }

    /** A route of no one home: a connector registering, an Amazon account claiming or leaving a home. */
    non-sealed interface Open extends Route {
        ApiResponse handle(ApiRequest request);

        /**
         * Whether a body must be declared JSON (415 otherwise): true for the connector's routes; an
         * account's ({@code /v1/pairings}) never asked it.
         */
        default boolean jsonOnly() {
            return true;
        }
    }
}
