package io.musicassistant.alexa.control.voice.handlers;

import io.musicassistant.alexa.accounts.HomeAccounts;
import io.musicassistant.alexa.accounts.Pairing;
import io.musicassistant.alexa.control.voice.VoiceIntentHandler;
import io.musicassistant.alexa.control.voice.VoiceIntentRegistry;
import io.musicassistant.alexa.platform.RateLimiter;
import io.musicassistant.alexa.relay.HomeLocator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The handlers of every intent of the interaction models, registered in one place. They are built
 * together, not one by one in the wiring, because two of them answer what another asked:
 * SelectRoom completes an intent that asked "which room?", Yes confirms a {@link Confirmable}.
 */
public final class VoiceIntentHandlers {

    private VoiceIntentHandlers() {}

    /** @param accounts the homes' linked accounts (list, remove, unlink by voice) */
    public static VoiceIntentRegistry registry(
            HomeLocator homes, Pairing pairing, RateLimiter limiter, HomeAccounts accounts) {
        VoiceIntentRegistry registry = new VoiceIntentRegistry()
                .register(new PlayIntentHandler())
                .register(new PlayInRoomIntentHandler())
                .register(new PlayerActionIntentHandler())
                .register(new VolumeIntentHandler())
                .register(new RepeatIntentHandler())
                .register(new WhatsPlayingIntentHandler())
                .register(new MoveMusicIntentHandler())
                .register(new ListRoomsIntentHandler())
                .register(new EchoSetupIntentHandler())
                .register(new LinkHomeIntentHandler(pairing, limiter, homes))
                .register(new SpeechIntentHandler());
        // Only the intents registered so far can ask "which room?": a room named in answer to a
        // yes/no question of an account intent completes nothing.
        Map<String, VoiceIntentHandler> askingForRooms = Map.copyOf(registry.byIntent());
        UnlinkHomeIntentHandler unlink = new UnlinkHomeIntentHandler(accounts, homes);
        RemoveAccountIntentHandler remove = new RemoveAccountIntentHandler(accounts, homes);
        Map<String, Confirmable> confirmables = new LinkedHashMap<>();
        List.<Confirmable>of(unlink, remove).forEach(c -> confirmables.put(c.intent(), c));
        return registry.register(new SelectRoomIntentHandler(askingForRooms))
                .register(new ListAccountsIntentHandler(accounts, homes))
                .register(unlink)
                .register(remove)
                .register(new YesIntentHandler(confirmables))
                .register(new NoIntentHandler());
    }
}
