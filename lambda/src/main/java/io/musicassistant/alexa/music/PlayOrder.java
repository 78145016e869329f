package io.musicassistant.alexa.music;

import java.util.SplittableRandom;

/**
 * The order a queue plays its tracks in, derived, never stored: natural order, or a shuffle that is
 * deterministic for the queue id (and the track shuffle was switched on at, which stays first).
 */
public final class PlayOrder {

    private final int[] order;
    private final int[] positionOf;

    public PlayOrder(int trackCount, QueueState state, long seed) {
        order = new int[trackCount];
        for (int i = 0; i < trackCount; i++) {
            order[i] = i;
        }
        if (state.shuffle() && trackCount > 1) {
            SplittableRandom random = new SplittableRandom(seed ^ (31L * (state.anchor() + 1)));
            for (int i = trackCount - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            if (state.anchor() >= 0 && state.anchor() < trackCount) {
                int at = 0;
                while (order[at] != state.anchor()) {
                    at++;
                }
                System.arraycopy(order, 0, order, 1, at);
                order[0] = state.anchor();
            }
        }
        positionOf = new int[trackCount];
        for (int p = 0; p < trackCount; p++) {
            positionOf[order[p]] = p;
        }
    }

    public int size() {
        return order.length;
    }

    public int trackAt(int position) {
        return order[position];
    }

    public int positionOf(int track) {
        return positionOf[track];
    }
}
