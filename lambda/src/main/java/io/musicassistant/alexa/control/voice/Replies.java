package io.musicassistant.alexa.control.voice;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Response;
import com.amazon.ask.response.ResponseBuilder;
import io.musicassistant.alexa.platform.Hashes;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the response for a {@link Speech}. Speech is SSML with every character of the text escaped
 * (player and album names come from Music Assistant and may hold anything). When the request listed
 * the players, Alexa is told their names as dynamic entities of slot type ROOM, so that in the
 * following turns a room resolves straight to a player id; a session is told once, unless its
 * players change.
 */
public final class Replies {

    static final String ROOMS_ATTRIBUTE = "rooms_pushed";
    /** Alexa refuses output speech over 8000 characters of SSML; escaping may grow the text. */
    private static final int MAX_TEXT = 5000;

    private Replies() {}

    public static Optional<Response> build(HandlerInput input, Turn turn, Speech speech) {
        ResponseBuilder rb = input.getResponseBuilder();
        rb.withSpeech(ssml(speech.text()));
        if (!speech.endsSession()) {
            rb.withReprompt(ssml(speech.reprompt()));
        }
        rb.withShouldEndSession(speech.endsSession());
        if (speech.linkAccount()) {
            rb.withLinkAccountCard();
        }
        Map<String, Object> session = sessionAttributes(input);
        if (session != null) {
            if (speech.pending() != null) {
                session.put(Pending.ATTRIBUTE, speech.pending().toAttribute());
            } else {
                session.remove(Pending.ATTRIBUTE);
            }
        }
        List<PlayerInfo> players = turn == null ? null : turn.fetchedPlayers();
        if (players != null) {
            String fingerprint = fingerprint(players);
            if (session == null || !fingerprint.equals(session.get(ROOMS_ATTRIBUTE))) {
                rb.addDirective(RoomEntities.directive(players));
                if (session != null) {
                    session.put(ROOMS_ATTRIBUTE, fingerprint);
                }
            }
        }
        return rb.build();
    }

    /** The session's attributes, or null for a request outside a session. */
    public static Map<String, Object> sessionAttributes(HandlerInput input) {
        if (input.getRequestEnvelope().getSession() == null) {
            return null;
        }
        return input.getAttributesManager().getSessionAttributes();
    }

    private static String fingerprint(List<PlayerInfo> players) {
        StringBuilder s = new StringBuilder();
        players.stream()
                .limit(RoomEntities.MAX_ENTITIES)
                .forEach(p ->
                        s.append(p.playerId()).append('\u0000').append(p.name()).append('\u0001'));
        return Hashes.sha256Hex(s.toString()).substring(0, 16);
    }

    /** {@code text} made safe inside {@code <speak>}: markup characters escaped, control characters dropped. */
    public static String ssml(String text) {
        String t = text == null ? "" : text;
        if (t.length() > MAX_TEXT) {
            t = t.substring(0, MAX_TEXT);
        }
        StringBuilder out = new StringBuilder(t.length() + 16);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (!Character.isISOControl(c)) {
                        out.append(c);
                    } else if (c == '\n' || c == '\t') {
                        out.append(' ');
                    }
                }
            }
        }
        return out.toString();
    }
}
