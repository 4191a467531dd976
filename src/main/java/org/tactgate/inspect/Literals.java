package org.tactgate.inspect;

/**
 * The lexicon pattern literals one sentence contains, found by {@link LiteralIndex}: a pattern
 * whose required literals are missing cannot match and is not run. Immutable.
 */
public final class Literals {
    private final long[] bits;

    Literals(long[] bits) {
        this.bits = bits;
    }

    boolean has(int id) {
        return (bits[id >>> 6] & 1L << id) != 0;
    }
}
