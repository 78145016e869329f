package io.musicassistant.alexa.connector.players;

import io.musicassistant.alexa.connector.content.ContentResolver;
import io.musicassistant.alexa.connector.ma.MaClient;
import io.musicassistant.alexa.connector.stream.StreamSigner;
import java.time.Clock;
import java.time.Duration;

/**
 * Player control for tests: the product allows a Music Assistant call 4 s (inside the relay's
 * deadline); a cold test JVM on a loaded two-core machine has once needed more, which says nothing
 * about the code under test. Tests assert what happens, not how fast.
 */
final class Patient {

    static final Duration CALL = Duration.ofSeconds(15);

    private Patient() {}

    static PlayerControl control(MaClient ma) {
        StreamSigner signer =
                new StreamSigner(new byte[32], "https://music.home.example", Duration.ofHours(24), Clock.systemUTC());
        return new PlayerControl(ma, new ContentResolver(ma, signer, CALL), CALL);
    }
}
