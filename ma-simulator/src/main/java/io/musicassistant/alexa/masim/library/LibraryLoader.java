package io.musicassistant.alexa.masim.library;

import static io.musicassistant.alexa.masim.library.SeedMetadata.images;
import static io.musicassistant.alexa.masim.library.SeedMetadata.info;
import static io.musicassistant.alexa.masim.library.SeedMetadata.mappings;
import static io.musicassistant.alexa.masim.library.SeedMetadata.remoteImage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses the seed file (format documented at its top; one {@link SeedLine} per record) into a
 * {@link Library}. Everything that is not written in the file (provider ids, ISRCs, timestamps,
 * play counts; {@link SeedMetadata}) is derived from a hash of the item, so two runs always produce
 * identical data.
 */
final class LibraryLoader {

    static final String SPOTIFY = "spotify--Xk3pQ9aZ";
    static final String LOCAL = "filesystem_local";
    static final String IMAGE_HOST = "https://images.example.org";
    static final Instant ADDED_BASE = Instant.parse("2025-11-01T08:00:00Z");
    static final Instant PLAYED_BASE = Instant.parse("2026-08-01T00:00:00Z");

    private final Map<String, ProviderInstance> providers = new LinkedHashMap<>();
    private final Map<String, Genre> genres = new LinkedHashMap<>();
    private final Map<String, ArtistDraft> artists = new LinkedHashMap<>();
    private final Map<String, Album> albums = new LinkedHashMap<>();
    private final Map<String, Track> tracks = new LinkedHashMap<>();
    private final Map<String, Playlist> playlists = new LinkedHashMap<>();
    private final Map<String, Radio> radios = new LinkedHashMap<>();
    private final List<PlayedEntry> played = new ArrayList<>();

    private AlbumDraft openAlbum;
    private int nextTrackId = 1;
    private int lineNumber;

    static Library load(String resource) {
        LibraryLoader loader = new LibraryLoader();
        try (InputStream in = LibraryLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("seed resource missing: " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                loader.lineNumber++;
                loader.accept(line.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return loader.finish();
    }

    private void accept(String line) {
        if (line.isEmpty() || line.startsWith("#")) {
            return;
        }
        SeedLine record = SeedLine.parse(line);
        try {
            switch (record.kind()) {
                case "provider" ->
                    providers.put(record.pos(0), new ProviderInstance(record.pos(0), record.pos(1), record.pos(2)));
                case "genre" -> addGenre(record);
                case "artist" -> addArtist(record);
                case "album" -> startAlbum(record);
                case "disc" -> openAlbum().disc = Integer.parseInt(record.pos(0));
                case "track" -> addTrack(record);
                case "playlist" -> addPlaylist(record);
                case "radio" -> addRadio(record);
                case "played" ->
                    played.add(new PlayedEntry(
                            record.pos(0), record.pos(1), Long.parseLong(record.pos(2)), !record.flag("partial")));
                default -> throw new IllegalArgumentException("unknown record kind " + record.kind());
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException("seed line " + lineNumber + ": " + line + " -> " + e.getMessage(), e);
        }
    }

    private void addGenre(SeedLine r) {
        String id = r.pos(0);
        ItemInfo info =
                info(MediaType.GENRE, id, r.pos(1), "", List.of(), List.of(), List.of(), false, List.of(), null);
        genres.put(id, new Genre(info, r.list("aliases")));
    }

    private void addArtist(SeedLine r) {
        ArtistDraft draft = new ArtistDraft();
        draft.record = r;
        artists.put(r.pos(0), draft);
    }

    private void startAlbum(SeedLine r) {
        closeAlbum();
        AlbumDraft draft = new AlbumDraft();
        draft.record = r;
        for (String artistId : r.list("artists")) {
            requireArtist(artistId).albumIds.add(r.pos(0));
        }
        openAlbum = draft;
    }

    private AlbumDraft openAlbum() {
        if (openAlbum == null) {
            throw new IllegalStateException("track or disc outside of an album");
        }
        return openAlbum;
    }

    private void addTrack(SeedLine r) {
        AlbumDraft album = openAlbum();
        SeedLine a = album.record;
        String albumId = a.pos(0);
        String id = Integer.toString(nextTrackId++);
        album.trackNumberOnDisc = album.disc == album.lastDisc ? album.trackNumberOnDisc + 1 : 1;
        album.lastDisc = album.disc;
        String title = r.pos(0);
        int duration = parseDuration(r.pos(1));
        String version = r.attr("v", a.attr("trackversion", ""));
        List<String> artistIds = new ArrayList<>(a.list("artists"));
        for (String feat : r.list("feat")) {
            requireArtist(feat);
            artistIds.add(feat);
        }
        String source = a.attr("src", "spotify");
        String mainArtist = requireArtist(artistIds.get(0)).record.pos(1);
        String path = String.format(
                Locale.ROOT,
                "%s/%s/%s%02d - %s.flac",
                mainArtist,
                a.pos(1),
                album.disc > 1 ? album.disc + "-" : "",
                album.trackNumberOnDisc,
                title);
        List<ProviderMapping> mappings = mappings(
                MediaType.TRACK,
                id,
                title,
                source,
                path,
                new AudioFormat("ogg", 44100, 16, 320),
                new AudioFormat("flac", 44100, 16, 0));
        List<ExternalId> externalIds = List.of(new ExternalId("isrc", SeedIds.isrc(a.pos(2), title, id)));
        ItemInfo info = info(
                MediaType.TRACK,
                id,
                title,
                version,
                externalIds,
                mappings,
                List.of(),
                r.flag("fav"),
                genreIds(a),
                null);
        tracks.put(id, new Track(info, duration, artistIds, albumId, album.disc, album.trackNumberOnDisc, r.flag("E")));
        album.trackIds.add(id);
    }

    private void closeAlbum() {
        if (openAlbum == null) {
            return;
        }
        SeedLine r = openAlbum.record;
        String id = r.pos(0);
        String title = r.pos(1);
        String source = r.attr("src", "spotify");
        String mainArtist = requireArtist(r.list("artists").get(0)).record.pos(1);
        List<ProviderMapping> mappings = mappings(
                MediaType.ALBUM, id, title, source, mainArtist + "/" + title, AudioFormat.UNKNOWN, AudioFormat.UNKNOWN);
        List<Image> images = images(r, MediaType.ALBUM, title, mainArtist + "/" + title + "/folder.jpg");
        List<ExternalId> externalIds = List.of(
                new ExternalId("barcode", SeedIds.barcode(title + id)),
                new ExternalId("musicbrainz_releasegroupid", SeedIds.uuid("release-group:" + title + id)));
        ItemInfo info = info(
                MediaType.ALBUM,
                id,
                title,
                r.attr("version", ""),
                externalIds,
                mappings,
                images,
                r.flag("fav"),
                genreIds(r),
                null);
        albums.put(
                id,
                new Album(
                        info,
                        Integer.parseInt(r.pos(2)),
                        AlbumType.parse(r.pos(3)),
                        r.list("artists"),
                        r.attr("label", null),
                        openAlbum.trackIds));
        openAlbum = null;
    }

    private void addPlaylist(SeedLine r) {
        closeAlbum();
        String id = r.pos(0);
        String name = r.pos(1);
        List<String> items = new ArrayList<>();
        for (String token : r.list("items")) {
            String[] parts = token.split("\\.", 2);
            Album album = albums.get(parts[0]);
            if (album == null) {
                throw new IllegalArgumentException("unknown album in playlist item " + token);
            }
            if (parts[1].equals("*")) {
                items.addAll(album.trackIds());
            } else {
                items.add(album.trackIds().get(Integer.parseInt(parts[1]) - 1));
            }
        }
        int repeatTo = Integer.parseInt(r.attr("repeat", "0"));
        if (repeatTo > 0) {
            List<String> cycle = List.copyOf(items);
            items.clear();
            for (int i = 0; i < repeatTo; i++) {
                items.add(cycle.get(i % cycle.size()));
            }
        }
        String source = r.attr("src", "spotify");
        String path = "playlists/" + name + ".m3u";
        List<ProviderMapping> mappings =
                mappings(MediaType.PLAYLIST, id, name, source, path, AudioFormat.UNKNOWN, AudioFormat.UNKNOWN);
        List<Image> images = source.equals("local") || items.isEmpty()
                ? List.of()
                : List.of(remoteImage(MediaType.PLAYLIST, name, "spotify"));
        ItemInfo info = info(
                MediaType.PLAYLIST,
                id,
                name,
                "",
                List.of(),
                mappings,
                images,
                r.flag("fav"),
                List.of(),
                r.attr("desc", null));
        playlists.put(id, new Playlist(info, r.attr("owner", ""), r.flag("editable"), items));
    }

    private void addRadio(SeedLine r) {
        closeAlbum();
        String id = r.pos(0);
        String name = r.pos(1);
        ProviderInstance provider = providers.get(r.pos(2));
        if (provider == null) {
            throw new IllegalArgumentException("unknown provider " + r.pos(2));
        }
        String codec = r.attr("codec", "mp3");
        AudioFormat format = new AudioFormat(codec, 44100, 16, Integer.parseInt(r.attr("bitrate", "128")));
        ProviderMapping mapping =
                new ProviderMapping(r.pos(3), provider.domain(), provider.instanceId(), true, format, null);
        Image logo = new Image(
                "thumb",
                IMAGE_HOST + "/radio/" + SeedIds.slug(name) + "-" + SeedIds.shortHash(name) + ".png",
                provider.domain(),
                true);
        ItemInfo info = info(
                MediaType.RADIO,
                id,
                name,
                "",
                List.of(),
                List.of(mapping),
                List.of(logo),
                r.flag("fav"),
                r.list("genres").stream().map(Integer::valueOf).toList(),
                null);
        radios.put(id, new Radio(info));
    }

    private Library finish() {
        closeAlbum();
        List<Artist> finishedArtists = new ArrayList<>();
        for (ArtistDraft draft : artists.values()) {
            SeedLine r = draft.record;
            String id = r.pos(0);
            String name = r.pos(1);
            String source = r.attr("src", "spotify");
            List<ProviderMapping> mappings =
                    mappings(MediaType.ARTIST, id, name, source, name, AudioFormat.UNKNOWN, AudioFormat.UNKNOWN);
            List<Image> images = images(r, MediaType.ARTIST, name + id, name + "/artist.jpg");
            List<ExternalId> externalIds =
                    List.of(new ExternalId("musicbrainz_artistid", SeedIds.uuid("artist:" + name + id)));
            ItemInfo info = info(
                    MediaType.ARTIST,
                    id,
                    name,
                    "",
                    externalIds,
                    mappings,
                    images,
                    r.flag("fav"),
                    r.list("genres").stream().map(Integer::valueOf).toList(),
                    r.attr("desc", null));
            int popularity = (int) Math.floorMod(SeedIds.hash("popularity" + name + id), 60L) + 35;
            finishedArtists.add(new Artist(info, popularity, r.attr("kind", "group"), draft.albumIds));
        }
        for (PlayedEntry entry : played) {
            if (!entry.uri().startsWith("library://")) {
                throw new IllegalStateException("playlog uri must be a library uri: " + entry.uri());
            }
        }
        Library library = new Library(
                List.copyOf(providers.values()),
                List.copyOf(genres.values()),
                finishedArtists,
                List.copyOf(albums.values()),
                List.copyOf(tracks.values()),
                List.copyOf(playlists.values()),
                List.copyOf(radios.values()),
                List.copyOf(played));
        for (PlayedEntry entry : played) {
            if (library.itemByUri(entry.uri()).isEmpty()) {
                throw new IllegalStateException("playlog references unknown item " + entry.uri());
            }
        }
        return library;
    }

    private ArtistDraft requireArtist(String id) {
        ArtistDraft draft = artists.get(id);
        if (draft == null) {
            throw new IllegalArgumentException("unknown artist id " + id);
        }
        return draft;
    }

    private List<Integer> genreIds(SeedLine r) {
        List<Integer> ids = new ArrayList<>();
        for (String id : r.list("genres")) {
            if (!genres.containsKey(id)) {
                throw new IllegalArgumentException("unknown genre id " + id);
            }
            ids.add(Integer.valueOf(id));
        }
        return ids;
    }

    private static int parseDuration(String text) {
        String[] parts = text.split(":");
        return Integer.parseInt(parts[0]) * 60 + Integer.parseInt(parts[1]);
    }

    private static final class ArtistDraft {
        SeedLine record;
        final List<String> albumIds = new ArrayList<>();
    }

    private static final class AlbumDraft {
        SeedLine record;
        int disc = 1;
        int lastDisc = 1;
        int trackNumberOnDisc;
        final List<String> trackIds = new ArrayList<>();
    }
}
