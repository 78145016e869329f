package io.musicassistant.alexa.control.smarthome.handlers;

import io.musicassistant.alexa.alexa.DirectiveName;
import io.musicassistant.alexa.control.reporting.Grants;
import io.musicassistant.alexa.control.reporting.LwaTokenClient;
import io.musicassistant.alexa.control.smarthome.SmartHomeDirectiveHandler;
import io.musicassistant.alexa.control.smarthome.SmartHomeEvents;
import io.musicassistant.alexa.control.smarthome.SmartHomeException;
import io.musicassistant.alexa.control.smarthome.SmartHomeRequest;
import io.musicassistant.alexa.identity.AuthorizationException;
import io.musicassistant.alexa.identity.IdentityResolver;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Alexa.Authorization AcceptGrant: the user allowed the skill to send events (state changes) to
 * Alexa. The authorization code is exchanged at Login with Amazon and the tokens are stored sealed;
 * any failure is Alexa.Authorization ACCEPT_GRANT_FAILED.
 */
public final class AcceptGrantHandler implements SmartHomeDirectiveHandler {

    private final IdentityResolver identity;
    private final Supplier<Grants> grants;

    /**
     * {@code grants} gives the deployment's grants, or null when reporting is not configured. It is
     * asked per directive, not at construction: in AWS it reads Secrets Manager, which must not
     * happen while a SnapStart snapshot is taken, nor take the whole skill down when it fails.
     */
    public AcceptGrantHandler(IdentityResolver identity, Supplier<Grants> grants) {
        this.identity = identity;
        this.grants = grants;
    }

    @Override
    public Set<DirectiveName> directives() {
        return Set.of(new DirectiveName("Alexa.Authorization", "AcceptGrant"));
    }

    @Override
    public boolean needsUser() {
        return false;
    }

    @Override
    public Map<String, Object> handle(SmartHomeRequest request) {
        // textValue, not asText: a code sent as a number is malformed, not a code.
        String code = request.payload().path("grant").path("code").textValue();
        if (code == null
                || code.isEmpty()
                || code.length() > 2048
                || !"OAuth2.AuthorizationCode"
                        .equals(request.payload().path("grant").path("type").textValue())) {
            throw failed("grant code missing or of another type");
        }
        Grants grants;
        try {
            grants = this.grants.get();
        } catch (RuntimeException e) {
            throw failed("event reporting unavailable: " + e.getClass().getSimpleName());
        }
        if (grants == null) {
            throw failed("event reporting is not configured for this deployment");
        }
        String userId;
        try {
            userId = identity.userId(request.token());
        } catch (AuthorizationException e) {
            throw failed("grantee token refused: " + e.reason());
        }
        try {
            grants.accept(userId, code);
        } catch (LwaTokenClient.TokenRefused e) {
            throw failed(e.getMessage());
        } catch (RuntimeException e) {
            // Alexa expects ACCEPT_GRANT_FAILED for any failure here, a storage failure included.
            throw failed("grant not stored: " + e.getClass().getSimpleName());
        }
        return SmartHomeEvents.acceptGrantResponse(request);
    }

    private static SmartHomeException failed(String why) {
        return new SmartHomeException("Alexa.Authorization", SmartHomeException.ACCEPT_GRANT_FAILED, why, Map.of());
    }
}
