package io.musicassistant.alexa.masim.library;

import static io.musicassistant.alexa.masim.library.GeneratorWords.ADJECTIVES;
import static io.musicassistant.alexa.masim.library.GeneratorWords.NOUNS;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Grows the seed library to a given number of tracks with invented but realistic music:
 * artists with several albums of every album type, discs, versions ("Remastered 2011", "Live"),
 * featured artists, "Various Artists" compilations, genres, playlists and radio stations,
 * favourites and play counts. Names take the shapes real libraries hold (leading "The", "&",
 * digits and years, "R.E.M."- and "AC/DC"-like punctuation, accents, Japanese, Cyrillic and
 * Greek script; {@link GeneratorWords}).
 *
 * <p>Deterministic: one {@link SplittableRandom} drawn in a fixed order, so a seed always gives
 * the same library on every JVM. Ids continue after the seed's, as MA's AUTOINCREMENT would.
 */
final class LibraryGenerator {

    private static final AudioFormat STREAM = new AudioFormat("ogg", 44100, 16, 320);
    private static final AudioFormat FILE = new AudioFormat("flac", 44100, 16, 0);
    private static final String VARIOUS_ARTISTS_MBID = "89ad4ac3-39f7-470e-963a-56509c546377";
    private static final String[] OWNERS = {"Jane", "admin", "alexa-bridge"};

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
        addPlaylists();
        addRadios();
    }

    // ---------------------------------------------------------------- genres

    private void addGenres() {
        library.genres().forEach(g -> allGenreIds.add(g.id()));
        for (List<String> entry : GeneratorWords.GENRES) {
            int id = library.nextId(MediaType.GENRE);
            ItemInfo info = info(id, entry.get(0), "", List.of(), List.of(), List.of(), false, List.of(), false);
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
        ArtistPlan artist = new ArtistPlan(id, name, script, person, genres, source(), new ArrayList<>());
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
        List<ProviderMapping> mappings = mappings(
                plan.source(),
                spotifyId,
                "https://open.spotify.com/artist/" + spotifyId,
                plan.name(),
                AudioFormat.UNKNOWN);
        List<Image> images =
                random.nextInt(10) < 7 ? List.of(remoteImage("artist", plan.name(), "spotify")) : List.of();
        String mbid = plan == variousArtists ? VARIOUS_ARTISTS_MBID : random.uuid();
        ItemInfo info = info(
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
        String source = random.nextInt(10) < 8 ? artist.source() : source();
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
                mappings(source, spotifyId, null, albumArtist.name() + "/" + title, AudioFormat.UNKNOWN);
        List<Image> images = albumImages(source, albumArtist.name() + "/" + title);
        List<ExternalId> externalIds = List.of(
                new ExternalId("barcode", random.digits(13)),
                new ExternalId("musicbrainz_releasegroupid", random.uuid()));
        ItemInfo info =
                info(albumId, title, edition, externalIds, mappings, images, random.chance(6), artist.genreIds(), true);
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
        List<ProviderMapping> mappings =
                mappings(source, spotifyId, "https://open.spotify.com/track/" + spotifyId, path, FILE);
        String isrc = "QZ" + random.letters(3) + random.digits(2) + random.digits(5);
        ItemInfo info = info(
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

    // ---------------------------------------------------------------- playlists and radios

    private void addPlaylists() {
        List<String> names = List.of(
                "Friday Night 🎉",
                "Chill & Focus",
                "Summer '99",
                "Top 100 of 2023",
                "Café Mornings",
                "Лучшее",
                "お気に入り",
                "Road Trip Vol. 2",
                "Workout 💪",
                "Sleep",
                "90s Kids",
                "Rock Classics",
                "Dinner Party",
                "Rainy Day ☔",
                "Κλασικά",
                "Liked Songs",
                "Deep Focus",
                "Running 5K",
                "Sunday Brunch",
                "Late Night Jazz",
                "Mixtape #7",
                "Kids' Songs",
                "Party!!!",
                "Études & Nocturnes");
        int count = Math.max(6, Math.min(40, targetTracks / 2500));
        for (int i = 0; i < count; i++) {
            String name = i < names.size() ? names.get(i) : "Mix #" + (i + 1);
            int size = i == 0 ? Math.min(3000, Math.max(600, targetTracks / 10)) : random.between(15, 250);
            List<String> entries = new ArrayList<>(size);
            for (int j = 0; j < size; j++) {
                entries.add(random.pick(allTrackIds));
            }
            int id = library.nextId(MediaType.PLAYLIST);
            boolean local = random.nextInt(5) == 0;
            String spotifyId = random.spotifyId();
            List<ProviderMapping> mappings = mappings(
                    local ? "local" : "spotify", spotifyId, null, "playlists/" + name + ".m3u", AudioFormat.UNKNOWN);
            List<Image> images = local ? List.of() : List.of(remoteImage("playlist", name, "spotify"));
            ItemInfo info = info(id, name, "", List.of(), mappings, images, random.chance(30), List.of(), false);
            library.put(new Playlist(info, OWNERS[random.nextInt(OWNERS.length)], random.nextBoolean(), entries));
        }
    }

    private void addRadios() {
        int count = Math.max(10, Math.min(60, targetTracks / 1000));
        for (int i = 0; i < count; i++) {
            String name = switch (random.nextInt(6)) {
                case 0 -> "SomaFM: " + random.pick(ADJECTIVES) + " " + random.pick(NOUNS);
                case 1 -> "Радио " + random.pick(GeneratorWords.RU_NOUNS);
                case 2 -> random.pick(GeneratorWords.JA_NOUNS) + "FM";
                case 3 -> "Ράδιο " + random.pick(GeneratorWords.EL_NOUNS);
                default ->
                    random.pick(GeneratorWords.RADIO_PREFIXES) + " " + random.pick(NOUNS) + " "
                            + random.between(87, 107) + "." + random.nextInt(10) + " FM";
            };
            boolean tunein = random.nextBoolean();
            String stationId = tunein ? "s" + random.between(1000, 999_999) : random.uuid();
            String provider = tunein ? "tunein" : "radiobrowser";
            String codec = List.of("mp3", "aac", "flac").get(random.nextInt(3));
            AudioFormat format =
                    new AudioFormat(codec, 44100, 16, codec.equals("flac") ? 0 : 64 * random.between(1, 5));
            ProviderMapping mapping = new ProviderMapping(stationId, provider, provider, true, format, null);
            Image logo = new Image(
                    "thumb",
                    LibraryLoader.IMAGE_HOST + "/radio/" + SeedIds.slug(name) + "-" + random.hex(8) + ".png",
                    provider,
                    true);
            int id = library.nextId(MediaType.RADIO);
            ItemInfo info = info(
                    id,
                    name,
                    "",
                    List.of(),
                    List.of(mapping),
                    List.of(logo),
                    random.chance(20),
                    List.of(random.pick(allGenreIds)),
                    false);
            library.put(new Radio(info));
        }
    }

    // ---------------------------------------------------------------- shared fields

    private ItemInfo info(
            int id,
            String name,
            String version,
            List<ExternalId> externalIds,
            List<ProviderMapping> mappings,
            List<Image> images,
            boolean favorite,
            List<Integer> genreIds,
            boolean refreshed) {
        Instant added = LibraryLoader.ADDED_BASE.minus(random.nextInt(3 * 365 * 24 * 60), ChronoUnit.MINUTES);
        Instant modified = added.plus(random.nextInt(60 * 24), ChronoUnit.HOURS);
        int playCount = 0;
        long lastPlayed = 0;
        if (random.nextInt(100) < 45) {
            playCount = 1 + random.geometric(0.12, 400);
            lastPlayed = LibraryLoader.PLAYED_BASE.getEpochSecond() - random.nextLong(365L * 24 * 3600);
        }
        String description = refreshed && random.chance(3) ? "Generated artist or album number " + id + "." : null;
        return new ItemInfo(
                Integer.toString(id),
                name,
                version,
                Names.sortName(name),
                externalIds,
                mappings,
                images,
                favorite,
                added,
                modified,
                playCount,
                lastPlayed,
                genreIds,
                description);
    }

    private List<ProviderMapping> mappings(
            String source, String spotifyId, String url, String localPath, AudioFormat fileFormat) {
        ProviderMapping spotify = new ProviderMapping(
                spotifyId,
                "spotify",
                LibraryLoader.SPOTIFY,
                true,
                fileFormat == FILE ? STREAM : AudioFormat.UNKNOWN,
                url);
        ProviderMapping local =
                new ProviderMapping(localPath, "filesystem_local", LibraryLoader.LOCAL, true, fileFormat, null);
        return switch (source) {
            case "local" -> List.of(local);
            case "both" -> List.of(spotify, local);
            default -> List.of(spotify);
        };
    }

    private List<Image> albumImages(String source, String localFolder) {
        int roll = random.nextInt(100);
        if (roll < 5) {
            return List.of();
        }
        if (source.equals("local")) {
            return List.of(new Image("thumb", localFolder + "/folder.jpg", LibraryLoader.LOCAL, false));
        }
        return List.of(remoteImage("album", localFolder, "spotify"));
    }

    private Image remoteImage(String kind, String name, String provider) {
        return new Image(
                "thumb",
                LibraryLoader.IMAGE_HOST + "/" + kind + "/" + SeedIds.slug(name) + "-" + random.hex(8) + ".jpg",
                provider,
                true);
    }

    private String source() {
        int roll = random.nextInt(100);
        return roll < 60 ? "spotify" : roll < 85 ? "local" : "both";
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
