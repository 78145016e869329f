package io.musicassistant.alexa.relay.protocol.api;

import java.util.List;

/**
 * The Amazon accounts linked to a home, as its connector may see them: never the account's id or
 * e-mail, only a short label that is stable for this home and account (a keyed hash) and the date
 * it was linked. The owner is the account linked longest: only it may revoke others by voice.
 */
public record HomeLinks(List<Link> links) {

    public HomeLinks {
        links = links == null ? List.of() : List.copyOf(links);
    }

    /**
     * @param label {@code XXXX-XXXX}: base32 of a keyed hash of home and account
     * @param linkedAtMs when the account claimed the home's pairing code
     * @param owner whether this is the home's owner (the account linked longest)
     */
    public record Link(String label, long linkedAtMs, boolean owner) {}
}
