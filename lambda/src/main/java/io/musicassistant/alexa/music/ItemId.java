package io.musicassistant.alexa.music;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An item id: {@code <serial>.<track index>.<tag>}. The serial makes ids unique within a queue
 * (repeat and loop play a track again under a new id); the tag is a short hash of the track's
 * Music Assistant uri, so a queue whose content changed since can still find its place.
 */
public record ItemId(int serial, int track, String tag) {

    private static final Pattern FORM = Pattern.compile("(-?\\d{1,9})\\.(\\d{1,6})\\.([0-9a-f]{8})");

    public String encode() {
        return serial + "." + track + "." + tag;
    }

    public static Optional<ItemId> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        var m = FORM.matcher(value);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ItemId(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3)));
    }
}
