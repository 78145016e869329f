package io.musicassistant.alexa.relayapi;

import io.musicassistant.alexa.accounts.Pairing;
import io.musicassistant.alexa.relay.protocol.api.PairingClaim;
import java.util.Optional;

/** {@code POST /v1/pairings}: an Amazon account claims a home's pairing code. */
final class ClaimPairingRoute implements Route.Open {

    private final AccountLogin login;
    private final Pairing pairing;

    ClaimPairingRoute(AccountLogin login, Pairing pairing) {
        this.login = login;
        this.pairing = pairing;
    }

    @Override
    public RouteKey key() {
        return RouteKey.post("/v1/pairings");
    }

    @Override
    public boolean jsonOnly() {
        return false;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        return login.asAccount(request, user -> claim(request, user));
    }

    private ApiResponse claim(ApiRequest request, String user) {
        PairingClaim body = JsonBodies.body(request, PairingClaim.class);
        Optional<String> code = Pairing.normalise(body.code());
        if (code.isEmpty()) {
            return ApiResponse.error(400, "invalid_code", "a pairing code is 8 digits");
        }
        return pairing.claim(user, code.get())
                .map(claimed -> ApiResponse.json(200, claimed))
                .orElseGet(() -> ApiResponse.error(400, "invalid_code", "unknown, used or expired pairing code"));
    }
}
