package io.musicassistant.alexa.control.smarthome;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.alexa.DirectiveName;
import java.time.Instant;

/**
 * A smart-home directive after the envelope checks.
 *
 * @param name namespace and name of the directive
 * @param messageId Alexa's message id
 * @param correlationToken echoed in the answer, when Alexa sent one
 * @param endpointId the endpoint the directive is for, or null (Discover, AcceptGrant)
 * @param payload the directive's payload (an object)
 * @param userId the LWA user the token belongs to; null for AcceptGrant, which authenticates itself
 * @param token the bearer token the directive carried, or null when none or empty; never echoed in answers
 * @param deadline when relay calls for this directive must give up
 */
public record SmartHomeRequest(
        DirectiveName name,
        String messageId,
        String correlationToken,
        String endpointId,
        JsonNode payload,
        String userId,
        String token,
        Instant deadline) {}
