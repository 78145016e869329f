package io.musicassistant.alexa.masim.library;

import static io.musicassistant.alexa.masim.library.GeneratorWords.NOUNS;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Grows the seed library to a given number of tracks with invented but realistic music:
 * artists with several albums of every album type, discs, versions ("Remastered 2011", "Live"),
 * featured artists, "Various Artists" compilations, genres, playlists and radio stations,
 * favourites and play counts. Names take the shapes real libraries hold (leading "The", "&",
 * digits and years, "R.E.M."- and "AC/DC"-like punctuation, accents, Japanese, Cyrillic and
 * Greek script; {@link GeneratorWords}). The fields every item shares come from
 * {@link GeneratedMetadata}; playlists and radios, added last, from {@link GeneratedPlaylistsAndRadios}.
 *
 * <p>Deterministic: one {@link SplittableRandom} drawn in a fixed order, so a seed always gives
 * the same library on every JVM. Ids continue after the seed's, as MA's AUTOINCREMENT would.
 */
final class LibraryGenerator {

    private static final String VARIOUS_ARTISTS_MBID = "89ad4ac3-39f7-470e-963a-56509c546377";

    /** An artist being generated: its albums are known before the record is written. */
    private record ArtistPlan(
            int id,
            String name,
            GeneratedNames.Script script,
            boolean person,
            List<Integer> genreIds,
            String source,
            List<String> albumIds) {}

    private final Library library;
    private final Draws random;
    private final GeneratedNames names;
    private final GeneratedMetadata metadata;
    private final int targetTracks;
    private final List<Integer> extraGenreIds = new ArrayList<>();
    private final List<Integer> allGenreIds = new ArrayList<>();
    private final List<String> generatedArtistIds = new ArrayList<>();
    private final List<String> allTrackIds = new ArrayList<>();
    private ArtistPlan variousArtists;
    private int remaining;

    private LibraryGenerator(Library library, long seed, int targetTracks) {
        this.library = library;
        this.random = new Draws(new SplittableRandom(seed));
        this.names = new GeneratedNames(random);
        this.metadata = new GeneratedMetadata(random);
        this.targetTracks = targetTracks;
        this.remaining = targetTracks - library.trackCount();
    }

    /** Adds generated items until {@code library} holds exactly {@code tracks} tracks. */
    static void extend(Library library, int tracks, long seed) {
        if (tracks < library.trackCount()) {
            throw new IllegalArgumentException(
                    "a generated library holds at least the seed's " + library.trackCount() + " tracks, not " + tracks);
        }
        new LibraryGenerator(library, seed, tracks).run();
    }

    private void run() {
        addGenres();
        library.tracks().forEach(t -> allTrackIds.add(t.itemId()));
        while (remaining > 0) {
            addArtist();
        }
        if (variousArtists != null) {
            putArtist(variousArtists, 80);
        }
        GeneratedPlaylistsAndRadios collections =
                new GeneratedPlaylistsAndRadios(library, random, metadata, targetTracks);
        collections.addPlaylists(allTrackIds);
        collections.addRadios(allGenreIds);
    }

    // ---------------------------------------------------------------- genres

    private void addGenres() {
        library.genres().forEach(g -> allGenreIds.add(g.id()));
        for (List<String> entry : GeneratorWords.GENRES) {
            int id = library.nextId(MediaType.GENRE);
            ItemInfo info =
                    metadata.info(id, entry.get(0), "", List.of(), List.of(), List.of(), false, List.of(), false);
            library.put(new Genre(info, entry.subList(1, entry.size())));
            extraGenreIds.add(id);
            allGenreIds.add(id);
        }
    }

    // ---------------------------------------------------------------- artists and albums

    private void addArtist() {
        GeneratedNames.Script script = names.script();
        boolean person = false;
        String name;
        switch (script) {
            case JAPANESE -> {
                int shape = random.nextInt(3);
                person = shape == 0;
                name = switch (shape) {
                    case 0 -> random.pick(GeneratorWords.JA_FAMILY) + random.pick(GeneratorWords.JA_GIVEN);
                    case 1 -> random.pick(GeneratorWords.JA_KATAKANA) + random.pick(GeneratorWords.JA_KATAKANA);
                    default -> random.pick(GeneratorWords.JA_NOUNS) + random.pick(GeneratorWords.JA_NOUNS);
                };
            }
            case CYRILLIC -> {
                person = random.nextBoolean();
                name = person
                        ? random.pick(GeneratorWords.RU_FIRST) + " " + random.pick(GeneratorWords.RU_LAST)
                        : random.pick(GeneratorWords.RU_NOUNS);
            }
            case GREEK -> {
                person = true;
                name = random.pick(GeneratorWords.EL_FIRST) + " " + random.pick(GeneratorWords.EL_LAST);
            }
            default -> {
                int roll = random.nextInt(82);
                person = roll >= 14 && roll < 38;
                name = names.latinArtistName(roll);
            }
        }
        int id = library.nextId(MediaType.ARTIST);
        List<Integer> genres = random.nextInt(3) == 0
                ? List.of(random.pick(allGenreIds), random.pick(allGenreIds)).stream()
                        .distinct()
                        .toList()
                : List.of(random.nextInt(3) == 0 ? random.pick(allGenreIds) : random.pick(extraGenreIds));
        ArtistPlan artist = new ArtistPlan(id, name, script, person, genres, metadata.source(), new ArrayList<>());
        generatedArtistIds.add(Integer.toString(id));
        int albums = 1 + random.geometric(0.35, 11);
        int year = random.between(1955, 2022);
        for (int i = 0; i < albums && remaining > 0; i++) {
            addAlbum(artist, Math.min(year, 2025));
            year += random.between(1, 4);
        }
        putArtist(artist, 10 + random.nextInt(86));
    }

    private void putArtist(ArtistPlan plan, int popularity) {
        String spotifyId = random.spotifyId();
        List<ProviderMapping> mappings = metadata.mappings(
                plan.source(),
                spotifyId,
                "https://open.spotify.com/artist/" + spotifyId,
                plan.name(),
                AudioFormat.UNKNOWN);
        List<Image> images =
                random.nextInt(10) < 7 ? List.of(metadata.remoteImage("artist", plan.name(), "spotify")) : List.of();
        String mbid = plan == variousArtists ? VARIOUS_ARTISTS_MBID : random.uuid();
        ItemInfo info = metadata.info(
                plan.id(),
                plan.name(),
                "",
                List.of(new ExternalId("musicbrainz_artistid", mbid)),
                mappings,
                images,
                random.chance(8),
                plan.genreIds(),
                true);
        library.put(new Artist(info, popularity, plan.person() ? "person" : "group", plan.albumIds()));
    }

    private void addAlbum(ArtistPlan artist, int year) {
        AlbumType type = albumType();
        int count = Math.min(remaining, trackCount(type));
        boolean various = (type == AlbumType.COMPILATION || type == AlbumType.SOUNDTRACK)
                && random.nextBoolean()
                && generatedArtistIds.size() > 20;
        ArtistPlan albumArtist = various ? variousArtists() : artist;
        int albumId = library.nextId(MediaType.ALBUM);
        String albumKey = Integer.toString(albumId);
        String title = names.albumTitle(type, artist.name(), artist.script());
        String edition = "";
        String trackVersion = type == AlbumType.LIVE ? "Live" : "";
        if (random.chance(8)) {
            if (random.nextBoolean()) {
                edition = random.pick(GeneratorWords.ALBUM_EDITIONS);
            } else {
                edition = "Remastered " + Math.min(2025, year + random.between(10, 40));
                trackVersion = edition;
            }
        }
        List<String> trackIds = new ArrayList<>(count);
        int secondDisc = count > 20 ? (count + 1) / 2 : Integer.MAX_VALUE;
        String source = random.nextInt(10) < 8 ? artist.source() : metadata.source();
        for (int i = 0; i < count; i++) {
            int disc = i < secondDisc ? 1 : 2;
            int number = disc == 1 ? i + 1 : i + 1 - secondDisc;
            String trackName = type == AlbumType.SINGLE && i == 0 ? title : names.trackTitle(artist.script(), number);
            String trackArtist = various ? random.pick(generatedArtistIds) : Integer.toString(artist.id());
            trackIds.add(addTrack(
                    trackName,
                    trackVersion,
                    trackArtist,
                    albumKey,
                    disc,
                    number,
                    source,
                    artist.genreIds(),
                    artist.name(),
                    title));
        }
        String spotifyId = random.spotifyId();
        List<ProviderMapping> mappings =
                metadata.mappings(source, spotifyId, null, albumArtist.name() + "/" + title, AudioFormat.UNKNOWN);
        List<Image> images = metadata.albumImages(source, albumArtist.name() + "/" + title);
        List<ExternalId> externalIds = List.of(
                new ExternalId("barcode", random.digits(13)),
                new ExternalId("musicbrainz_releasegroupid", random.uuid()));
        ItemInfo info = metadata.info(
                albumId, title, edition, externalIds, mappings, images, random.chance(6), artist.genreIds(), true);
        String label = random.chance(70) ? random.pick(NOUNS) + " Records" : null;
        library.put(new Album(info, year, type, List.of(Integer.toString(albumArtist.id())), label, trackIds));
        albumArtist.albumIds().add(albumKey);
    }

    private String addTrack(
            String name,
            String albumTrackVersion,
            String artistId,
            String albumId,
            int disc,
            int number,
            String source,
            List<Integer> genreIds,
            String artistName,
            String albumTitle) {
        int id = library.nextId(MediaType.TRACK);
        String version = albumTrackVersion;
        if (version.isEmpty() && random.chance(12)) {
            version = random.chance(25)
                    ? "Remastered " + random.between(1994, 2024)
                    : random.pick(GeneratorWords.TRACK_VERSIONS);
        }
        List<String> artistIds = List.of(artistId);
        if (random.chance(5) && generatedArtistIds.size() > 1) {
            String featured = random.pick(generatedArtistIds);
            if (!featured.equals(artistId)) {
                artistIds = List.of(artistId, featured);
            }
        }
        String spotifyId = random.spotifyId();
        // the file path only exists for own files: most tracks of a big library are streamed
        String path = source.equals("spotify")
                ? null
                : artistName + "/" + albumTitle + "/" + (disc > 1 ? disc + "-" : "") + (number < 10 ? "0" : "") + number
                        + " - " + name + ".flac";
        List<ProviderMapping> mappings = metadata.mappings(
                source, spotifyId, "https://open.spotify.com/track/" + spotifyId, path, GeneratedMetadata.FILE);
        String isrc = "QZ" + random.letters(3) + random.digits(2) + random.digits(5);
        ItemInfo info = metadata.info(
                id,
                name,
                version,
                List.of(new ExternalId("isrc", isrc)),
                mappings,
                List.of(),
                random.chance(3),
                genreIds,
                false);
        library.put(new Track(info, duration(), artistIds, albumId, disc, number, random.chance(7)));
        String key = Integer.toString(id);
        allTrackIds.add(key);
        remaining--;
        return key;
    }

    private ArtistPlan variousArtists() {
        if (variousArtists == null) {
            variousArtists = new ArtistPlan(
                    library.nextId(MediaType.ARTIST),
                    "Various Artists",
                    GeneratedNames.Script.LATIN,
                    false,
                    List.of(),
                    "spotify",
                    new ArrayList<>());
        }
        return variousArtists;
    }

    private AlbumType albumType() {
        int roll = random.nextInt(100);
        if (roll < 55) {
            return AlbumType.ALBUM;
        }
        if (roll < 70) {
            return AlbumType.SINGLE;
        }
        if (roll < 80) {
            return AlbumType.EP;
        }
        if (roll < 87) {
            return AlbumType.COMPILATION;
        }
        return roll < 94 ? AlbumType.LIVE : AlbumType.SOUNDTRACK;
    }

    private int trackCount(AlbumType type) {
        return switch (type) {
            case SINGLE -> random.between(1, 3);
            case EP -> random.between(4, 6);
            case COMPILATION -> random.between(14, 24);
            case LIVE -> random.between(10, 20);
            case SOUNDTRACK -> random.between(12, 24);
            default -> random.nextInt(10) == 0 ? random.between(17, 30) : random.between(8, 16);
        };
    }

    /** Seconds: mostly 2½–5½ minutes, some interludes, some epics. */
    private int duration() {
        int roll = random.nextInt(100);
        if (roll < 4) {
            return random.between(40, 110);
        }
        if (roll < 9) {
            return random.between(360, 1200);
        }
        return random.between(150, 330);
    }
}
