package com.webhookbuffer.bootstrap.local.watch;

/**
 * The nearest-rank percentile, the one way the local stack and its load command name a p50 or a p99: the smallest
 * value such that at least that share of the values are at most it. No interpolation, so it is always a value that
 * was measured.
 */
public final class NearestRank {

    private NearestRank() {}

    /** Where the {@code p} percentile stands among {@code size} sorted values ({@code size} ≥ 1, 0 < p ≤ 1). */
    public static int index(int size, double p) {
        return Math.max(0, (int) Math.ceil(p * size) - 1);
    }
}
