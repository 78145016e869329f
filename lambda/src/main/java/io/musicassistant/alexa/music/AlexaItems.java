package io.musicassistant.alexa.music;

import io.musicassistant.alexa.music.model.Art;
import io.musicassistant.alexa.music.model.Content;
import io.musicassistant.alexa.music.model.Control;
import io.musicassistant.alexa.music.model.EntityMetadata;
import io.musicassistant.alexa.music.model.Item;
import io.musicassistant.alexa.music.model.MediaMetadata;
import io.musicassistant.alexa.music.model.Name;
import io.musicassistant.alexa.relay.protocol.ContentKind;
import io.musicassistant.alexa.relay.protocol.ResolvedContent;
import io.musicassistant.alexa.relay.protocol.ResolvedTrack;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Turns resolved content and tracks into Alexa's shapes. Every control is stated (Alexa treats an
 * unstated control as disabled), art is always present, and {@code validUntil} is always set.
 */
public final class AlexaItems {

    /** A stream URL is handed out as valid until a little before the connector stops honouring it. */
    static final long VALIDITY_MARGIN_MS = 5 * 60 * 1000;

    private final String fallbackArtUrl;

    public AlexaItems(String fallbackArtUrl) {
        this.fallbackArtUrl = fallbackArtUrl;
    }

    /** GetPlayableContent's content; {@code actions} is left out, Amazon reserves it for display use cases. */
    public Content content(String contentId, ResolvedContent content) {
        return new Content(contentId, null, metadata(content));
    }

    MediaMetadata metadata(ResolvedContent content) {
        String type = switch (content.kind()) {
            case TRACK -> "TRACK";
            case ALBUM -> "ALBUM";
            case ARTIST -> "ARTIST";
            case PLAYLIST, LIBRARY, ANY, ECHO -> "PLAYLIST";
            case GENRE -> "GENRE";
            case RADIO -> "STATION";
        };
        List<EntityMetadata> authors = content.artist() == null ? null : List.of(EntityMetadata.of(content.artist()));
        EntityMetadata album = null;
        if (content.kind() == ContentKind.TRACK
                && !content.tracks().isEmpty()
                && content.tracks().getFirst().album() != null) {
            album = EntityMetadata.of(content.tracks().getFirst().album());
        }
        return new MediaMetadata(type, Name.of(content.name()), authors, album, art(content.artUrl(), content.name()));
    }

    /** One queue item; {@code hasPrevious} decides whether "previous" is offered on it. */
    public Item item(ItemId id, ResolvedTrack track, ResolvedContent content, boolean hasPrevious) {
        return item(id.encode(), "s-" + id.tag(), track, content, hasPrevious, 0);
    }

    /** One queue item under any id, starting {@code offsetMs} into the track (an Echo queue's current item). */
    public Item item(
            String itemId,
            String streamId,
            ResolvedTrack track,
            ResolvedContent content,
            boolean hasPrevious,
            long offsetMs) {
        boolean live = content.live();
        String art = track.artUrl() != null ? track.artUrl() : content.artUrl();
        List<EntityMetadata> authors = track.artists().isEmpty()
                ? null
                : track.artists().stream().map(EntityMetadata::of).toList();
        MediaMetadata metadata = new MediaMetadata(
                live ? "STATION" : "TRACK",
                Name.of(track.title()),
                authors,
                track.album() == null ? null : EntityMetadata.of(track.album()),
                art(art, track.title()));
        List<Control> controls = List.of(
                Control.command("NEXT", !live),
                Control.command("PREVIOUS", !live && hasPrevious),
                Control.adjust("SEEK_POSITION", !live));
        Item.Stream stream =
                new Item.Stream(streamId, track.streamUrl(), offsetMs, validUntil(track.streamExpiresMs()));
        return new Item(
                itemId,
                new Item.PlaybackInfo("DEFAULT"),
                metadata,
                live ? null : track.durationMs(),
                controls,
                new Item.Rules(!live),
                stream);
    }

    /** The queue's controls: all stated, reflecting the current modes. */
    public List<Control> queueControls(ResolvedContent content, QueueState state) {
        boolean live = content.live();
        boolean several = content.tracks().size() > 1;
        return List.of(
                Control.command("NEXT", !live),
                Control.command("PREVIOUS", !live),
                Control.adjust("SEEK_POSITION", !live),
                Control.toggle("SHUFFLE", !live && several, state.shuffle()),
                Control.toggle("LOOP", !live, state.loop()),
                Control.cycle("REPEAT", !live, state.repeat() ? "ON" : "OFF"));
    }

    private Art art(String url, String description) {
        if (url != null && url.startsWith("https://")) {
            return new Art(description, List.of(new Art.Source(url, null, null, null)));
        }
        return new Art(description, List.of(new Art.Source(fallbackArtUrl, "X_LARGE", 600, 600)));
    }

    static String validUntil(long expiresMs) {
        return DateTimeFormatter.ISO_INSTANT.format(
                Instant.ofEpochMilli(expiresMs - VALIDITY_MARGIN_MS).truncatedTo(ChronoUnit.SECONDS));
    }
}
