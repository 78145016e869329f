package io.musicassistant.alexa.masim.server;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;

/**
 * Stand-in artwork for the image proxy: a small square in a colour derived from the image id, as
 * a real PNG or JPEG so clients can decode what they receive.
 */
final class PlaceholderImages {

    /** What "size 0" (original) yields; real covers are usually larger, but clients don't care. */
    private static final int ORIGINAL_SIZE = 300;

    private static final int CACHE_LIMIT = 128;

    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    /** Encoded image bytes; {@code format} is "png" or "jpeg". */
    byte[] render(String imageId, int size, String format) {
        int edge = size <= 0 ? ORIGINAL_SIZE : size;
        String key = imageId + "/" + edge + "/" + format;
        byte[] cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        byte[] encoded = encode(imageId, edge, format);
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(key, encoded);
        return encoded;
    }

    private static byte[] encode(String imageId, int edge, String format) {
        int rgb = imageId.hashCode() & 0xFFFFFF;
        BufferedImage image = new BufferedImage(edge, edge, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(rgb));
            g.fillRect(0, 0, edge, edge);
            g.setColor(new Color(~rgb & 0xFFFFFF));
            g.fillRect(edge / 4, edge / 4, edge / 2, edge / 2);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format.equals("png") ? "png" : "jpeg", out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
