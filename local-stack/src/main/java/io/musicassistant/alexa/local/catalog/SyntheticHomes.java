package io.musicassistant.alexa.local.catalog;

import io.musicassistant.alexa.relay.protocol.ContentId;
import io.musicassistant.alexa.relay.protocol.ContentKind;
import io.musicassistant.alexa.relay.protocol.catalog.SnapshotEntity;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Made-up homes whose libraries overlap as real ones do: a shared universe of artists, each with
 * albums and tracks, from which each home picks artists by a Zipf law (a few artists are in almost
 * every home, most in very few) and, per artist, some albums, whole. Library sizes are log-normal
 * (median {@value #MEDIAN_TRACKS} tracks, capped at 50,000). Names are varied the way libraries are:
 * leading articles, "&", digits and years, punctuation, accents, and some in Japanese, Cyrillic and
 * Greek. Deterministic for a seed; a home's snapshot is generated as it is written, never held whole.
 */
public final class SyntheticHomes {

    public static final int MEDIAN_TRACKS = 2_000;
    static final int MAX_TRACKS = 50_000;
    static final int ARTISTS = 300_000;
    static final double ZIPF = 1.07;

    private static final String[] WORDS = {
        "blue",
        "night",
        "river",
        "ghost",
        "echo",
        "summer",
        "glass",
        "fire",
        "silver",
        "dream",
        "city",
        "ocean",
        "paper",
        "velvet",
        "shadow",
        "golden",
        "wild",
        "electric",
        "quiet",
        "northern",
        "midnight",
        "garden",
        "stone",
        "heart",
        "radio",
        "satellite",
        "crystal",
        "broken",
        "secret",
        "morning",
        "desert",
        "winter",
        "neon",
        "machine",
        "forest",
        "harbor",
        "lonely",
        "highway",
        "starlight",
        "thunder"
    };
    private static final String[] JAPANESE = {"夜", "空", "海", "夢", "桜", "風", "光", "雨", "星", "月"};
    private static final String[] CYRILLIC = {"ночь", "звезда", "река", "ветер", "город", "сон", "зима", "огонь"};
    private static final String[] GREEK = {"νύχτα", "θάλασσα", "όνειρο", "φως", "αστέρι", "άνεμος"};
    private static final String[] GENRES = {
        "Rock",
        "Pop",
        "Jazz",
        "Hip-Hop",
        "Electronic",
        "Classical",
        "Folk",
        "R&B",
        "Metal",
        "Soul",
        "Blues",
        "Country",
        "Reggae",
        "Punk",
        "Ambient",
        "Indie",
        "Latin",
        "K-Pop",
        "Schlager",
        "Chanson"
    };

    private final long seed;
    /** Cumulative Zipf weights of artist ranks 1..ARTISTS, for picking by binary search. */
    private final double[] zipfCdf = new double[ARTISTS];

    public SyntheticHomes(long seed) {
        this.seed = seed;
        double sum = 0;
        for (int k = 1; k <= ARTISTS; k++) {
            sum += 1 / Math.pow(k, ZIPF);
            zipfCdf[k - 1] = sum;
        }
    }

    /** A home's id: the instance-id form the relay issues. */
    public static String instanceId(int home) {
        String alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
        StringBuilder id = new StringBuilder("home-");
        long x = home * 0x9E3779B97F4A7C15L + 12345;
        for (int i = 0; i < 26; i++) {
            id.append(alphabet.charAt((int) Long.remainderUnsigned(x, 32)));
            x = Long.rotateLeft(x, 5) * 31 + i;
        }
        return id.toString();
    }

    /** The entities of one home's snapshot, generated lazily in the order a connector writes them. */
    public Iterable<SnapshotEntity> home(int home) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + home);
        int target = (int) Math.min(
                MAX_TRACKS, Math.max(50, Math.round(MEDIAN_TRACKS * Math.exp(random.nextGaussian() * 0.9))));
        // Artists first (what the home holds), then albums and their tracks; playlists and stations at the end.
        Set<Integer> artists = new LinkedHashSet<>();
        List<int[]> albums = new ArrayList<>(); // {artist, album}
        int tracks = 0;
        while (tracks < target) {
            int artist = zipf(random);
            artists.add(artist);
            int albumCount = albumsOf(artist);
            int album = (int) Math.min(albumCount - 1, Math.floor(-Math.log(1 - random.nextDouble()) * 1.5));
            albums.add(new int[] {artist, album});
            tracks += tracksOf(artist, album);
        }
        List<SnapshotEntity> head = new ArrayList<>(artists.size() + albums.size() + 40);
        for (int artist : artists) {
            head.add(entity(ContentKind.ARTIST, artistName(artist), null, null, random));
        }
        for (int[] album : albums) {
            head.add(entity(ContentKind.ALBUM, albumName(album[0], album[1]), artistName(album[0]), null, random));
        }
        for (String genre : GENRES) {
            if (random.nextInt(3) == 0) {
                head.add(entity(ContentKind.GENRE, genre, null, null, random));
            }
        }
        for (int i = 0; i < 5; i++) {
            head.add(entity(
                    ContentKind.RADIO,
                    "Radio " + capital(WORDS[random.nextInt(WORDS.length)]) + " " + (random.nextInt(9) + 1),
                    null,
                    null,
                    random));
        }
        return () -> new Iterator<>() {
            final Iterator<SnapshotEntity> first = head.iterator();
            int albumIndex;
            int trackIndex;

            @Override
            public boolean hasNext() {
                return first.hasNext() || albumIndex < albums.size();
            }

            @Override
            public SnapshotEntity next() {
                if (first.hasNext()) {
                    return first.next();
                }
                if (albumIndex >= albums.size()) {
                    throw new NoSuchElementException();
                }
                int[] album = albums.get(albumIndex);
                SnapshotEntity track = entity(
                        ContentKind.TRACK,
                        trackName(album[0], album[1], trackIndex),
                        artistName(album[0]),
                        albumName(album[0], album[1]),
                        random);
                if (++trackIndex >= tracksOf(album[0], album[1])) {
                    trackIndex = 0;
                    albumIndex++;
                }
                return track;
            }
        };
    }

    private SnapshotEntity entity(ContentKind kind, String name, String artist, String album, SplittableRandom random) {
        String id = ContentId.of(kind, name, artist).encode();
        String artistId = artist == null
                ? null
                : ContentId.of(ContentKind.ARTIST, artist, null).encode();
        String albumId = album == null
                ? null
                : ContentId.of(ContentKind.ALBUM, album, artist).encode();
        boolean favorite = random.nextInt(25) == 0;
        int plays = random.nextInt(4) == 0 ? random.nextInt(60) : 0;
        Integer lastPlayed = plays > 0 ? random.nextInt(400) : null;
        List<String> alt = name.startsWith("The ") ? List.of(name.substring(4)) : List.of();
        return new SnapshotEntity(kind, id, name, alt, artistId, artist, albumId, album, favorite, plays, lastPlayed);
    }

    private int zipf(SplittableRandom random) {
        double u = random.nextDouble() * zipfCdf[ARTISTS - 1];
        int at = java.util.Arrays.binarySearch(zipfCdf, u);
        return (at >= 0 ? at : -at - 1) + 1;
    }

    private int albumsOf(int artist) {
        return 1 + (int) (mix(artist, 1) % 12);
    }

    private int tracksOf(int artist, int album) {
        return 6 + (int) (mix(artist, album + 100) % 12);
    }

    String artistName(int artist) {
        long h = mix(artist, 7);
        String base = switch ((int) (h % 20)) {
            case 0 -> JAPANESE[(int) (h / 20 % JAPANESE.length)] + JAPANESE[(int) (h / 400 % JAPANESE.length)];
            case 1 -> capital(CYRILLIC[(int) (h / 20 % CYRILLIC.length)]);
            case 2 -> capital(GREEK[(int) (h / 20 % GREEK.length)]);
            case 3, 4, 5 -> "The " + capital(word(h / 20)) + "s";
            case 6 -> capital(word(h / 20)) + " & " + capital(word(h / 800));
            case 7 ->
                word(h / 20).substring(0, 1).toUpperCase() + "."
                        + word(h / 800).substring(0, 1).toUpperCase() + ".";
            case 8 -> "Björn " + capital(word(h / 20));
            default -> capital(word(h / 20)) + " " + capital(word(h / 800));
        };
        return base + (artist > 400 ? " " + (artist % 997) : "");
    }

    String albumName(int artist, int album) {
        long h = mix(artist, album + 31);
        return switch ((int) (h % 8)) {
                    case 0 -> capital(word(h / 8)) + " " + (1960 + h / 64 % 65);
                    case 1 -> "Vol. " + (album + 1);
                    case 2 -> capital(word(h / 8)) + " (Deluxe Edition)";
                    default -> capital(word(h / 8)) + " " + capital(word(h / 320));
                }
                + (album > 0 ? " " + (album + 1) : "");
    }

    String trackName(int artist, int album, int track) {
        long h = mix(artist * 31 + album, track + 1000);
        String name = capital(word(h)) + (h % 3 == 0 ? " " + word(h / 7) : "");
        return h % 11 == 0 ? name + " (Live)" : name;
    }

    private static final String[] SYLLABLES = {
        "ka", "lo", "mi", "ra", "ven", "tor", "sa", "lin", "dor", "el", "an", "ri", "mo", "ta", "quin", "bel", "ro",
        "sil", "na", "vo", "zan", "ter", "fa", "gus", "hal", "ju", "ko", "lem", "ni", "pa", "rus", "so", "tin", "ul",
        "wen", "xa", "yo", "ze", "bra", "cre", "dri", "fle", "glo", "pri", "stra", "tho", "vri", "wol"
    };

    /** Half dictionary words, half made-up ones: real libraries' names are this varied (and compress as little). */
    private static String word(long h) {
        if (h % 2 == 0) {
            return WORDS[(int) Long.remainderUnsigned(h / 2, WORDS.length)];
        }
        StringBuilder w = new StringBuilder();
        long x = h / 2;
        int syllables = 2 + (int) (x % 3);
        for (int i = 0; i < syllables; i++) {
            x /= 7;
            w.append(SYLLABLES[(int) Long.remainderUnsigned(x * 2654435761L + i, SYLLABLES.length)]);
        }
        return w.toString();
    }

    private static String capital(String w) {
        return w.isEmpty() ? w : w.substring(0, 1).toUpperCase() + w.substring(1);
    }

    private long mix(long a, long b) {
        long x = a * 0x9E3779B97F4A7C15L ^ (b + seed) * 0xC2B2AE3D27D4EB4FL;
        x ^= x >>> 31;
        x *= 0xBF58476D1CE4E5B9L;
        return (x ^ x >>> 29) & Long.MAX_VALUE;
    }
}
