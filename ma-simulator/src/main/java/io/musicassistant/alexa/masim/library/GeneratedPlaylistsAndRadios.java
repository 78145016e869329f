package io.musicassistant.alexa.masim.library;

import static io.musicassistant.alexa.masim.library.GeneratorWords.ADJECTIVES;
import static io.musicassistant.alexa.masim.library.GeneratorWords.NOUNS;

import java.util.ArrayList;
import java.util.List;

/**
 * The generated playlists (drawn from every track, the seed's included) and radio stations
 * (TuneIn and Radio Browser, in every script), added after the artists so their entries can
 * point at any track. Scaled with the library: a 50,000-track library has 20 playlists.
 */
final class GeneratedPlaylistsAndRadios {

    private static final String[] OWNERS = {"Jane", "admin", "alexa-bridge"};

    private final Library library;
    private final Draws random;
    private final GeneratedMetadata metadata;
    private final int targetTracks;

    GeneratedPlaylistsAndRadios(Library library, Draws random, GeneratedMetadata metadata, int targetTracks) {
        this.library = library;
        this.random = random;
        this.metadata = metadata;
        this.targetTracks = targetTracks;
    }

    void addPlaylists(List<String> allTrackIds) {
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
            List<ProviderMapping> mappings = metadata.mappings(
                    local ? "local" : "spotify", spotifyId, null, "playlists/" + name + ".m3u", AudioFormat.UNKNOWN);
            List<Image> images = local ? List.of() : List.of(metadata.remoteImage("playlist", name, "spotify"));
            ItemInfo info =
                    metadata.info(id, name, "", List.of(), mappings, images, random.chance(30), List.of(), false);
            library.put(new Playlist(info, OWNERS[random.nextInt(OWNERS.length)], random.nextBoolean(), entries));
        }
    }

    void addRadios(List<Integer> allGenreIds) {
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
            ItemInfo info = metadata.info(
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
}
