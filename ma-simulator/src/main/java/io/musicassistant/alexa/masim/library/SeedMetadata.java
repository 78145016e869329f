package io.musicassistant.alexa.masim.library;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * What the seed file does not write (timestamps, play counts, provider ids, image urls), derived
 * from a hash of the item's type, id and name, so two loads always produce identical data.
 */
final class SeedMetadata {

    private SeedMetadata() {}

    static ItemInfo info(
            MediaType type,
            String id,
            String name,
            String version,
            List<ExternalId> externalIds,
            List<ProviderMapping> mappings,
            List<Image> images,
            boolean favorite,
            List<Integer> genreIds,
            String description) {
        String key = type.value() + ":" + id;
        Instant added = LibraryLoader.ADDED_BASE.plus(
                Math.floorMod(SeedIds.hash("added" + key), 240L * 24 * 60), ChronoUnit.MINUTES);
        Instant modified = added.plus(Math.floorMod(SeedIds.hash("modified" + key), 30L * 24), ChronoUnit.HOURS);
        int playCount = (int) Math.floorMod(SeedIds.hash("plays" + key), 25L);
        long lastPlayed = playCount == 0
                ? 0
                : LibraryLoader.PLAYED_BASE.getEpochSecond()
                        - Math.floorMod(SeedIds.hash("last" + key), 90L * 24 * 3600);
        return new ItemInfo(
                id,
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

    static List<ProviderMapping> mappings(
            MediaType type,
            String id,
            String name,
            String source,
            String localPath,
            AudioFormat streamFormat,
            AudioFormat fileFormat) {
        List<ProviderMapping> result = new ArrayList<>();
        if (source.equals("spotify") || source.equals("both")) {
            String spotifyId = SeedIds.base62(type.value() + ":" + id + ":" + name);
            String url = switch (type) {
                case TRACK, ARTIST -> "https://open.spotify.com/" + type.value() + "/" + spotifyId;
                default -> null;
            };
            result.add(new ProviderMapping(spotifyId, "spotify", LibraryLoader.SPOTIFY, true, streamFormat, url));
        }
        if (source.equals("local") || source.equals("both")) {
            result.add(new ProviderMapping(localPath, "filesystem_local", LibraryLoader.LOCAL, true, fileFormat, null));
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException("unknown src " + source);
        }
        return result;
    }

    static List<Image> images(SeedLine r, MediaType type, String name, String localPath) {
        String source = r.attr("src", "spotify");
        return switch (r.attr("img", source.equals("local") ? "local" : "remote")) {
            case "none" -> List.of();
            case "local" -> List.of(new Image("thumb", localPath, LibraryLoader.LOCAL, false));
            case "remote" -> List.of(remoteImage(type, name, "spotify"));
            default -> throw new IllegalArgumentException("unknown img " + r.attr("img", ""));
        };
    }

    static Image remoteImage(MediaType type, String name, String provider) {
        return new Image(
                "thumb",
                LibraryLoader.IMAGE_HOST + "/" + type.value() + "/" + SeedIds.slug(name) + "-"
                        + SeedIds.shortHash(type + name) + ".jpg",
                provider,
                true);
    }
}
