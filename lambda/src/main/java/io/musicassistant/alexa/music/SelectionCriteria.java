package io.musicassistant.alexa.music;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.alexa.AlexaError;
import io.musicassistant.alexa.alexa.AlexaException;
import io.musicassistant.alexa.alexa.Fields;
import io.musicassistant.alexa.relay.protocol.ContentId;
import io.musicassistant.alexa.relay.protocol.ContentKind;
import io.musicassistant.alexa.relay.protocol.ContentQuery;
import io.musicassistant.alexa.relay.protocol.Names;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GetPlayableContent's {@code selectionCriteria.attributes} turned into one {@link ContentQuery}.
 * An attribute may carry an {@code entityId} from the skill's catalog (our content ids, resolved
 * exactly) and/or a spoken {@code value} (searched). The most specific kind wins: a track beats
 * its album, an album its artist. Only {@code MEDIA_TYPE}, or nothing at all ("play music on
 * Music Assistant", "play Music Assistant"), means the user's whole library, shuffled.
 */
public final class SelectionCriteria {

    private static final int MAX_ATTRIBUTES = 20;
    /**
     * An entity id is an id, not words: as long as any an item reference may carry. One that is not
     * ours (longer than any we issue, say) is CONTENT_NOT_FOUND unless a spoken value comes with it.
     */
    private static final int MAX_ENTITY_ID = 1024;

    private static final List<ContentKind> SPECIFICITY = List.of(
            ContentKind.TRACK,
            ContentKind.ALBUM,
            ContentKind.PLAYLIST,
            ContentKind.RADIO,
            ContentKind.ARTIST,
            ContentKind.GENRE);

    private SelectionCriteria() {}

    private record Attribute(String entityId, String value) {}

    public static ContentQuery toQuery(JsonNode payload, boolean explicitAllowed) {
        JsonNode attributes = payload.path("selectionCriteria").path("attributes");
        if (!attributes.isMissingNode() && !attributes.isArray()) {
            throw AlexaException.invalidDirective("selectionCriteria.attributes must be a list");
        }
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw AlexaException.invalidDirective("too many selection attributes");
        }
        Map<ContentKind, Attribute> byKind = new EnumMap<>(ContentKind.class);
        for (JsonNode attribute : attributes) {
            kindOf(Fields.text(attribute, "type", ""))
                    .ifPresent(kind -> byKind.putIfAbsent(
                            kind,
                            new Attribute(
                                    text(attribute, "entityId", MAX_ENTITY_ID),
                                    text(attribute, "value", ContentQuery.MAX_TEXT_LENGTH))));
        }
        for (ContentKind kind : SPECIFICITY) {
            Attribute attribute = byKind.get(kind);
            if (attribute == null) {
                continue;
            }
            Optional<ContentId> ours = ContentId.parse(attribute.entityId())
                    .filter(id -> id.kind() == kind
                            // An Echo player's catalog entity is a playlist named after the Echo (issue 16).
                            || kind == ContentKind.PLAYLIST && id.kind() == ContentKind.ECHO);
            if (ours.isPresent()) {
                ContentId id = ours.get();
                return new ContentQuery(
                        id.kind(),
                        id.name(),
                        id.artist().isEmpty() ? null : id.artist(),
                        true,
                        MusicContent.maxTracks(id.kind()),
                        explicitAllowed);
            }
            if (attribute.value() == null) {
                throw new AlexaException(new AlexaError.Media(
                        AlexaError.Media.CONTENT_NOT_FOUND,
                        "entity " + kind + " is not from this skill's catalog and has no value"));
            }
            String artist = kind == ContentKind.TRACK || kind == ContentKind.ALBUM ? artistValue(byKind) : null;
            return new ContentQuery(
                    kind, attribute.value(), artist, false, MusicContent.maxTracks(kind), explicitAllowed);
        }
        return new ContentQuery(
                ContentKind.LIBRARY, null, null, false, MusicContent.maxTracks(ContentKind.LIBRARY), explicitAllowed);
    }

    private static String artistValue(Map<ContentKind, Attribute> byKind) {
        Attribute artist = byKind.get(ContentKind.ARTIST);
        if (artist == null) {
            return null;
        }
        if (artist.value() != null) {
            return artist.value();
        }
        return ContentId.parse(artist.entityId())
                .filter(id -> id.kind() == ContentKind.ARTIST)
                .map(id -> Names.words(id.name()))
                .orElse(null);
    }

    private static Optional<ContentKind> kindOf(String type) {
        return switch (type) {
            case "TRACK" -> Optional.of(ContentKind.TRACK);
            case "ALBUM" -> Optional.of(ContentKind.ALBUM);
            case "ARTIST" -> Optional.of(ContentKind.ARTIST);
            case "PLAYLIST" -> Optional.of(ContentKind.PLAYLIST);
            case "GENRE" -> Optional.of(ContentKind.GENRE);
            case "STATION" -> Optional.of(ContentKind.RADIO);
            default -> Optional.empty(); // MEDIA_TYPE, SORT_TYPE and podcast attributes narrow nothing here
        };
    }

    private static String text(JsonNode node, String field, int max) {
        String s = Fields.text(node, field, "").strip();
        if (s.isEmpty()) {
            return null;
        }
        if (s.length() > max) {
            throw AlexaException.invalidDirective(field + " too long");
        }
        return s;
    }
}
