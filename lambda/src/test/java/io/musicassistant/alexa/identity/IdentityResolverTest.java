package io.musicassistant.alexa.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.musicassistant.alexa.dev.DevServices;
import io.musicassistant.alexa.dev.FreePort;
import io.musicassistant.alexa.testing.CloudFixture;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IdentityResolverTest {

    @Test
    void lwaThatCannotBeReachedIsUnavailableNotAnInvalidToken() {
        CloudFixture cloud = CloudFixture.create();
        LwaClient unreachable = new LwaClient(
                URI.create("http://127.0.0.1:" + FreePort.find()),
                DevServices.LWA_CLIENT_ID,
                Clock.systemUTC(),
                Duration.ofMillis(500));
        IdentityResolver resolver = new IdentityResolver(
                unreachable, new TokenCache(cloud.wiring.aws().dynamoDb(), cloud.wiring.tables()), Clock.systemUTC());
        AuthorizationException e = assertThrows(
                AuthorizationException.class,
                () -> resolver.userId(cloud.newUser().token()));
        assertEquals(AuthorizationException.Reason.UNAVAILABLE, e.reason());
    }

    @Test
    void aCachedTokenPastItsExpiryIsExpiredWithoutAskingLwa() {
        CloudFixture cloud = CloudFixture.create();
        String token = cloud.services.lwa().issueToken("amzn1.account.SHORT", "Short", Duration.ofSeconds(2));
        LwaClient lwa = new LwaClient(
                URI.create(cloud.services.lwa().baseUrl()),
                DevServices.LWA_CLIENT_ID,
                Clock.systemUTC(),
                Duration.ofSeconds(2));
        TokenCache cache = new TokenCache(cloud.wiring.aws().dynamoDb(), cloud.wiring.tables());
        assertEquals("amzn1.account.SHORT", new IdentityResolver(lwa, cache, Clock.systemUTC()).userId(token));
        int calls = cloud.services.lwa().profileCalls();
        IdentityResolver later =
                new IdentityResolver(lwa, cache, Clock.offset(Clock.systemUTC(), Duration.ofSeconds(5)));
        AuthorizationException e = assertThrows(AuthorizationException.class, () -> later.userId(token));
        assertEquals(AuthorizationException.Reason.EXPIRED, e.reason());
        assertEquals(calls, cloud.services.lwa().profileCalls());
    }
}
