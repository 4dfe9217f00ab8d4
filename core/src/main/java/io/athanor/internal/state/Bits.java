package io.athanor.internal.state;

/**
 * A small growable bit set for an instance's field flags (unloaded, changed): the first 64 fields
 * live in one {@code long}, so an instance with at most 64 fields allocates nothing for it, where a
 * {@link java.util.BitSet} costs two objects. Only the operations the engine uses; not thread-safe.
 */
public final class Bits {
    private long low;
    /** Words for fields 64 and up, allocated on the first such field; {@code high[0]} holds 64..127. */
    private long[] high;

    boolean get(int i) {
        if (i < 64) {
            return (low & (1L << i)) != 0;
        }
        int w = (i >> 6) - 1;
        return high != null && w < high.length && (high[w] & (1L << i)) != 0;
    }

    public void set(int i) {
        if (i < 64) {
            low |= 1L << i;
            return;
        }
        int w = (i >> 6) - 1;
        if (high == null) {
            high = new long[w + 1];
        } else if (w >= high.length) {
            high = java.util.Arrays.copyOf(high, w + 1);
        }
        high[w] |= 1L << i;
    }

    void clear(int i) {
        if (i < 64) {
            low &= ~(1L << i);
            return;
        }
        int w = (i >> 6) - 1;
        if (high != null && w < high.length) {
            high[w] &= ~(1L << i);
        }
    }

    void clear() {
        low = 0;
        if (high != null) {
            java.util.Arrays.fill(high, 0);
        }
    }

    boolean isEmpty() {
        if (low != 0) {
            return false;
        }
        if (high != null) {
            for (long w : high) {
                if (w != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The index of the first set bit at or after {@code from}, or -1. */
    int nextSetBit(int from) {
        if (from < 0) {
            throw new IndexOutOfBoundsException("fromIndex < 0: " + from);
        }
        if (from < 64) {
            long w = low & (-1L << from);
            if (w != 0) {
                return Long.numberOfTrailingZeros(w);
            }
            from = 64;
        }
        if (high == null) {
            return -1;
        }
        int i = (from >> 6) - 1;
        if (i >= high.length) {
            return -1;
        }
        long w = high[i] & (-1L << from);
        while (true) {
            if (w != 0) {
                return (i + 1) * 64 + Long.numberOfTrailingZeros(w);
            }
            if (++i == high.length) {
                return -1;
            }
            w = high[i];
        }
    }

    /** Clears every bit that is set in {@code other}. */
    void andNot(Bits other) {
        low &= ~other.low;
        if (high != null && other.high != null) {
            for (int i = 0, n = Math.min(high.length, other.high.length); i < n; i++) {
                high[i] &= ~other.high[i];
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("{");
        for (int i = nextSetBit(0); i >= 0; i = nextSetBit(i + 1)) {
            s.append(s.length() > 1 ? ", " : "").append(i);
        }
        return s.append('}').toString();
    }
}
