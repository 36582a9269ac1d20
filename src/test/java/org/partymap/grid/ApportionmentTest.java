package org.partymap.grid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ApportionmentTest {

    @Test
    void sharesByLargestRemainder() {
        assertArrayEquals(new int[] {4, 3, 3}, Apportionment.share(10, new double[] {35, 33, 32}, new int[3], new int[] {9, 9, 9}));
    }

    @Test
    void everyPartGetsItsFloorAndNoMoreThanItsCeiling() {
        assertArrayEquals(new int[] {1, 2, 7}, Apportionment.share(10, new double[] {0, 90, 10}, new int[] {1, 1, 1}, new int[] {5, 2, 9}));
    }

    @Test
    void zeroWeightsShareEqually() {
        assertArrayEquals(new int[] {2, 2, 1}, Apportionment.share(5, new double[] {0, 0, 0}, new int[3], new int[] {5, 5, 5}));
    }

    @Test
    void impossibleLimitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Apportionment.share(2, new double[] {1, 1, 1}, new int[] {1, 1, 1}, new int[] {3, 3, 3}));
        assertThrows(IllegalArgumentException.class, () -> Apportionment.share(9, new double[] {1, 1}, new int[2], new int[] {4, 4}));
    }
}
