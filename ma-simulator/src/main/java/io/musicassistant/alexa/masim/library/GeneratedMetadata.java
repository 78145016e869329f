package io.musicassistant.alexa.masim.library;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The fields every generated media item shares (timestamps, play counts, favourite, provider
 * mappings, images) and which provider an item comes from. Draws from the generator's
 * {@link Draws}, in the generator's order, so the generated library stays the same for a seed.
 */
final class GeneratedMetadata {

    /** A track's file format, recognised by identity in {@link #mappings}: only tracks get a stream format. */
    static final AudioFormat FILE = new AudioFormat("flac", 44100, 16, 0);

    private static final AudioFormat STREAM = new AudioFormat("ogg", 44100, 16, 320);

    private final Draws random;

    GeneratedMetadata(Draws random) {
        this.random = random;
    }

    ItemInfo info(
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

    List<ProviderMapping> mappings(
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

    List<Image> albumImages(String source, String localFolder) {
        int roll = random.nextInt(100);
        if (roll < 5) {
            return List.of();
        }
        if (source.equals("local")) {
            return List.of(new Image("thumb", localFolder + "/folder.jpg", LibraryLoader.LOCAL, false));
        }
        return List.of(remoteImage("album", localFolder, "spotify"));
    }

    Image remoteImage(String kind, String name, String provider) {
        return new Image(
                "thumb",
                LibraryLoader.IMAGE_HOST + "/" + kind + "/" + SeedIds.slug(name) + "-" + random.hex(8) + ".jpg",
                provider,
                true);
    }

    String source() {
        int roll = random.nextInt(100);
        return roll < 60 ? "spotify" : roll < 85 ? "local" : "both";
    }
}
