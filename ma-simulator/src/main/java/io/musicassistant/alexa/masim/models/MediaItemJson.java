package io.musicassistant.alexa.masim.models;

import static io.musicassistant.alexa.masim.models.JsonValues.F;
import static io.musicassistant.alexa.masim.models.JsonValues.iso;
import static io.musicassistant.alexa.masim.models.JsonValues.putNullable;
import static io.musicassistant.alexa.masim.models.JsonValues.strings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.masim.library.Album;
import io.musicassistant.alexa.masim.library.Artist;
import io.musicassistant.alexa.masim.library.ExternalId;
import io.musicassistant.alexa.masim.library.Genre;
import io.musicassistant.alexa.masim.library.Image;
import io.musicassistant.alexa.masim.library.Library;
import io.musicassistant.alexa.masim.library.MediaItem;
import io.musicassistant.alexa.masim.library.Playlist;
import io.musicassistant.alexa.masim.library.ProviderMapping;
import io.musicassistant.alexa.masim.library.Radio;
import io.musicassistant.alexa.masim.library.Track;
import io.musicassistant.alexa.masim.profile.Profile;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The media items of MA's models ({@code media_items.py}, {@code summary.py}): full items, slim
 * summaries, {@code ItemMapping}s, images, provider mappings, metadata and {@code SearchResults}.
 */
final class MediaItemJson {

    private final Profile profile;
    private final Library library;

    MediaItemJson(Profile profile, Library library) {
        this.profile = profile;
        this.library = library;
    }

    // ---------------------------------------------------------------- media items

    /** The full item, as {@code music/<type>/get}, search and sub-listings return it. */
    public ObjectNode full(MediaItem item) {
        return full(item, null);
    }

    /** The full item with a playlist {@code position}. */
    public ObjectNode full(MediaItem item, Integer position) {
        ObjectNode n = base(item);
        n.set("provider_mappings", mappings(item));
        n.set("metadata", metadata(item));
        n.put("favorite", item.favorite());
        putNullable(n, "position", position);
        n.put("date_added", iso(item.info().dateAdded()));
        switch (item) {
            case Artist artist -> n.put("artist_type", "singer");
            case Album album -> {
                n.put("year", album.year());
                n.set("artists", artistMappings(album.artistIds(), false));
                n.put("album_type", album.albumType().value());
            }
            case Track track -> {
                n.put("duration", track.duration());
                n.set("artists", artistMappings(track.artistIds(), false));
                n.put("last_played", track.info().lastPlayed());
                n.set(
                        "album",
                        library.album(track.albumId())
                                .map(a -> (JsonNode) itemMapping(a, false))
                                .orElse(NullNode.getInstance()));
                n.put("disc_number", track.discNumber());
                n.put("track_number", track.trackNumber());
                if (profile == Profile.NEWEST) {
                    n.putNull("audio_metadata");
                }
            }
            case Playlist playlist -> {
                n.put("owner", playlist.owner());
                n.put("is_editable", playlist.editable());
                n.put("is_dynamic", false);
                n.set("supported_mediatypes", F.arrayNode().add("track"));
            }
            case Radio radio -> n.put("duration", 0); // Radio.__post_serialize__: None → 0
            case Genre genre -> {
                if (profile == Profile.NEWEST) {
                    n.putNull("content_type");
                }
                n.set("genre_aliases", genre.aliases().isEmpty() ? NullNode.getInstance() : strings(genre.aliases()));
            }
        }
        return n;
    }

    /**
     * The slim summary variant (newest {@code library_items} default, models' summary.py): None
     * fields omitted, metadata reduced to the first thumb (and explicit for tracks), nested
     * mappings slim, plus a plain {@code available}.
     */
    public ObjectNode summary(MediaItem item) {
        ObjectNode n = slimBase(item);
        n.set("provider_mappings", mappings(item));
        ObjectNode metadata = F.objectNode();
        if (item instanceof Track track) {
            metadata.put("explicit", track.explicit());
        }
        library.thumbOf(item)
                .ifPresent(thumb -> metadata.set("images", F.arrayNode().add(image(thumb))));
        n.set("metadata", metadata);
        n.put("favorite", item.favorite());
        switch (item) {
            case Artist artist -> n.put("artist_type", "singer");
            case Album album -> {
                n.put("year", album.year());
                n.set("artists", artistMappings(album.artistIds(), true));
                n.put("album_type", album.albumType().value());
            }
            case Track track -> {
                n.put("duration", track.duration());
                n.set("artists", artistMappings(track.artistIds(), true));
                n.put("last_played", 0);
                library.album(track.albumId()).ifPresent(a -> n.set("album", itemMapping(a, true)));
                n.put("disc_number", track.discNumber());
                n.put("track_number", track.trackNumber());
            }
            case Playlist playlist -> {
                n.put("owner", playlist.owner());
                n.put("is_editable", playlist.editable());
                n.put("is_dynamic", false);
                n.set("supported_mediatypes", F.arrayNode().add("track"));
            }
            case Radio radio -> n.put("duration", 0);
            case Genre genre -> {
                if (!genre.aliases().isEmpty()) {
                    n.set("genre_aliases", strings(genre.aliases()));
                }
            }
        }
        n.put("available", true);
        return n;
    }

    /** {@code ItemMapping}: the minimal reference used inside other items and queues. */
    public ObjectNode itemMapping(MediaItem item, boolean slim) {
        ObjectNode n = slim ? slimBase(item) : base(item);
        n.set("external_ids", F.arrayNode()); // mappings never carry external ids (spec §4.6/4.7)
        n.put("available", true);
        Image thumb = library.thumbOf(item).orElse(null);
        Integer year = item instanceof Album album ? album.year() : null;
        if (!slim || thumb != null) {
            n.set("image", thumb == null ? NullNode.getInstance() : image(thumb));
        }
        if (!slim || year != null) {
            putNullable(n, "year", year);
        }
        return n;
    }

    public ObjectNode image(Image image) {
        ObjectNode n = F.objectNode();
        n.put("type", image.type());
        n.put("path", image.path());
        n.put("provider", image.provider());
        n.put("remotely_accessible", image.remotelyAccessible());
        // models ≥ 1.1.123 (schema ≈ 31) carry proxy_id; until models 034603a only local images got one
        boolean filled = profile.proxyIdOnRemoteImages() || !image.remotelyAccessible();
        n.put("proxy_id", filled ? image.proxyId() : null);
        return n;
    }

    /** The {@code SearchResults} object; {@code sound_effects} only exists in newest models. */
    public ObjectNode searchResults(Map<String, List<ObjectNode>> byKey) {
        ObjectNode n = F.objectNode();
        for (String key :
                List.of("artists", "albums", "genres", "tracks", "playlists", "radio", "audiobooks", "podcasts")) {
            ArrayNode list = F.arrayNode();
            byKey.getOrDefault(key, List.of()).forEach(list::add);
            n.set(key, list);
        }
        if (profile == Profile.NEWEST) {
            n.set("sound_effects", F.arrayNode());
        }
        return n;
    }

    private ObjectNode base(MediaItem item) {
        return base(item, false);
    }

    /** Summaries and slim mappings: no external ids, no translation key. */
    private ObjectNode slimBase(MediaItem item) {
        return base(item, true);
    }

    private ObjectNode base(MediaItem item, boolean slim) {
        ObjectNode n = F.objectNode();
        n.put("item_id", item.itemId());
        n.put("provider", "library");
        n.put("name", item.name());
        n.put("version", item.version());
        n.put("sort_name", item.sortName());
        n.put("uri", item.uri());
        n.set("external_ids", slim ? F.arrayNode() : externalIds(item.info().externalIds()));
        n.put("is_playable", true);
        if (!slim && profile.translationKeyOnItems()) {
            n.put("translation_key", item instanceof Genre genre ? genre.translationKey() : null);
        }
        n.put("media_type", item.mediaType().value());
        return n;
    }

    private ArrayNode artistMappings(List<String> artistIds, boolean slim) {
        ArrayNode list = F.arrayNode();
        for (Artist artist : library.artistsOf(artistIds)) {
            // MA's library listings carry artists as ItemMappings without image (spec §4.6)
            ObjectNode mapping = slim ? slimBase(artist) : base(artist);
            mapping.put("available", true);
            if (!slim) {
                mapping.set("external_ids", F.arrayNode());
                mapping.putNull("image");
                mapping.putNull("year");
            }
            list.add(mapping);
        }
        return list;
    }

    private ArrayNode mappings(MediaItem item) {
        ArrayNode list = F.arrayNode();
        for (ProviderMapping mapping : item.providerMappings()) {
            ObjectNode n = F.objectNode();
            n.put("item_id", mapping.itemId());
            n.put("provider_domain", mapping.providerDomain());
            n.put("provider_instance", mapping.providerInstance());
            n.put("available", mapping.available());
            n.put("in_library", true);
            n.putNull("is_unique");
            ObjectNode format = n.putObject("audio_format");
            format.put("content_type", mapping.audioFormat().contentType());
            format.put("codec_type", "?");
            format.put("sample_rate", mapping.audioFormat().sampleRate());
            format.put("bit_depth", mapping.audioFormat().bitDepth());
            format.put("channels", 2);
            format.put("output_format_str", mapping.audioFormat().contentType());
            format.put("bit_rate", mapping.audioFormat().bitRate());
            n.put("url", mapping.url());
            n.putNull("details");
            list.add(n);
        }
        return list;
    }

    private ObjectNode metadata(MediaItem item) {
        ObjectNode n = F.objectNode();
        n.put("description", item.info().description());
        n.putNull("description_language");
        if (profile == Profile.NEWEST) {
            n.putNull("life_span");
            n.put("artist_entity_type", item instanceof Artist artist ? artist.entityType() : null);
        }
        n.putNull("review");
        switch (item) {
            case Track track -> n.put("explicit", track.explicit());
            // from the album's own track list, so an album rendered for its deletion keeps the value
            case Album album ->
                n.put(
                        "explicit",
                        album.trackIds().stream()
                                .anyMatch(id ->
                                        library.track(id).map(Track::explicit).orElse(false)));
            default -> n.putNull("explicit");
        }
        List<Image> images = library.imagesOf(item);
        if (images.isEmpty()) {
            n.putNull("images");
        } else {
            ArrayNode list = n.putArray("images");
            images.forEach(image -> list.add(image(image)));
        }
        n.putNull("grouping");
        boolean hasGenreNames = item instanceof Artist || item instanceof Album || item instanceof Radio;
        if (hasGenreNames && !item.info().genreIds().isEmpty()) {
            // a genre removed from the library leaves no name behind
            n.set(
                    "genres",
                    strings(item.info().genreIds().stream()
                            .flatMap(id -> library.genre(String.valueOf(id)).stream())
                            .map(genre -> genre.name().toLowerCase(Locale.ROOT))
                            .toList()));
        } else {
            n.putNull("genres");
        }
        n.putNull("mood");
        n.putNull("style");
        Album album = item instanceof Album a ? a : null;
        boolean labelled = album != null && album.label() != null;
        n.put("copyright", labelled ? "℗ " + album.year() + " " + album.label() : null);
        n.putNull("lyrics");
        n.putNull("lrc_lyrics");
        n.put("label", labelled ? album.label() : null);
        n.putNull("links");
        n.putNull("performers");
        n.putNull("preview");
        putNullable(n, "popularity", item instanceof Artist artist ? artist.popularity() : null);
        n.put("release_date", album != null ? album.year() + "-01-01T00:00:00" : null);
        n.putNull("languages");
        n.putNull("chapters");
        if (profile == Profile.NEWEST) {
            n.putNull("collections");
        }
        boolean refreshed = item instanceof Artist || item instanceof Album;
        putNullable(
                n,
                "last_refresh",
                refreshed ? Long.valueOf(item.info().dateModified().getEpochSecond()) : null);
        return n;
    }

    private static ArrayNode externalIds(List<ExternalId> ids) {
        ArrayNode list = F.arrayNode();
        for (ExternalId id : ids) {
            list.add(F.arrayNode().add(id.type()).add(id.value()));
        }
        return list;
    }

    /** "Artist1/Artist2", as MA joins a track's artists for players and queue items. */
    String artistString(Track track) {
        return library.artistsOf(track.artistIds()).stream().map(Artist::name).collect(Collectors.joining("/"));
    }
}
