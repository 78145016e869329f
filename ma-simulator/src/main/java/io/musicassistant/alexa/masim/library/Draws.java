package io.musicassistant.alexa.masim.library;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The generator's one source of randomness: every draw comes from one {@link SplittableRandom} in
 * the order the generator asks, so a seed gives the same library on every JVM.
 */
final class Draws {

    private static final String HEX = "0123456789abcdef";

    private final SplittableRandom random;

    Draws(SplittableRandom random) {
        this.random = random;
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    boolean nextBoolean() {
        return random.nextBoolean();
    }

    long nextLong(long bound) {
        return random.nextLong(bound);
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    int between(int from, int to) {
        return from + random.nextInt(to - from + 1);
    }

    /** 0, 1, 2 … with P(k) ∝ (1-p)^k, capped. */
    int geometric(double p, int cap) {
        int k = 0;
        while (k < cap && random.nextDouble() >= p) {
            k++;
        }
        return k;
    }

    String letters(int n) {
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            out.append((char) ('A' + random.nextInt(26)));
        }
        return out.toString();
    }

    String digits(int n) {
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    String hex(int n) {
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            out.append(HEX.charAt(random.nextInt(16)));
        }
        return out.toString();
    }

    String spotifyId() {
        StringBuilder out = new StringBuilder(22);
        for (int i = 0; i < 22; i++) {
            out.append(SeedIds.BASE62.charAt(random.nextInt(62)));
        }
        return out.toString();
    }

    String uuid() {
        return hex(8) + "-" + hex(4) + "-4" + hex(3) + "-" + "89ab".charAt(random.nextInt(4)) + hex(3) + "-" + hex(12);
    }
}
