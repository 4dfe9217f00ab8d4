package io.athanor.internal.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bits behaves as java.util.BitSet for the operations the engine uses, below and above 64 fields. */
class BitsTest {
    @Test
    void matchesBitSet() {
        Random random = new Random(11);
        for (int round = 0; round < 200; round++) {
            int size = 1 + random.nextInt(200);
            Bits bits = new Bits();
            Bits other = new Bits();
            BitSet expected = new BitSet();
            BitSet otherExpected = new BitSet();
            for (int step = 0; step < 300; step++) {
                int i = random.nextInt(size);
                switch (random.nextInt(6)) {
                    case 0, 1 -> {
                        bits.set(i);
                        expected.set(i);
                    }
                    case 2 -> {
                        bits.clear(i);
                        expected.clear(i);
                    }
                    case 3 -> {
                        other.set(i);
                        otherExpected.set(i);
                    }
                    case 4 -> {
                        if (random.nextInt(20) == 0) {
                            bits.andNot(other);
                            expected.andNot(otherExpected);
                        }
                    }
                    default -> {
                        if (random.nextInt(40) == 0) {
                            bits.clear();
                            expected.clear();
                        }
                    }
                }
                assertEquals(expected.get(i), bits.get(i));
                assertEquals(expected.isEmpty(), bits.isEmpty());
                assertEquals(expected.nextSetBit(i), bits.nextSetBit(i));
                assertEquals(expected.nextSetBit(0), bits.nextSetBit(0));
                assertEquals(expected.get(size + 70), bits.get(size + 70));
            }
            assertEquals(expected.toString(), bits.toString());
        }
    }
}
