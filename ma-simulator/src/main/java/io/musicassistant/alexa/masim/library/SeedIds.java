package io.musicassistant.alexa.masim.library;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * Ids and numbers the seed derives from names (hashes, so they are the same on every run): Spotify
 * ids, ISRCs, barcodes, MusicBrainz ids, image slugs.
 */
final class SeedIds {

    static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private SeedIds() {}

    static String slug(String name) {
        String safe = Names.safe(name, false).strip().replaceAll("\\s+", "-");
        String ascii = safe.replaceAll("[^a-z0-9-]", "");
        return ascii.isEmpty() ? "item" : ascii;
    }

    static String shortHash(String key) {
        return Image.sha256Hex(key).substring(0, 8);
    }

    static long hash(String key) {
        byte[] digest = HexFormat.of().parseHex(Image.sha256Hex(key));
        return ByteBuffer.wrap(digest).getLong();
    }

    static String base62(String key) {
        long a = hash("b62a" + key);
        long b = hash("b62b" + key);
        StringBuilder out = new StringBuilder(22);
        for (int i = 0; i < 22; i++) {
            long source = i < 11 ? a : b;
            int index = (int) Math.floorMod(source >> ((i % 11) * 5), 62L);
            out.append(BASE62.charAt(index));
        }
        return out.toString();
    }

    static String isrc(String year, String title, String id) {
        long digits = Math.floorMod(hash("isrc" + title + id), 100_000L);
        return String.format(Locale.ROOT, "QZMAS%s%05d", year.substring(2), digits);
    }

    static String barcode(String key) {
        long digits = Math.floorMod(hash("barcode" + key), 10_000_000_000_000L);
        return String.format(Locale.ROOT, "%013d", digits);
    }

    static String uuid(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
