package org.partymap.demo;

import org.partymap.demo.StreetNetwork.Segment;

/**
 * House numbers (门牌号) along a street: they rise from the street's start, one pair every 16
 * metres, odd on the left and even on the right (looking along the street's direction). Every
 * segment's ranges follow from the same rule, so the numbers of a named street are consistent from
 * one end to the other and a geocoder can interpolate along them.
 */
final class HouseNumbers {

    static final double SPACING = 16;

    private HouseNumbers() {
    }

    /** The number at {@code metres} from the street's start on one side. */
    static int at(double metres, boolean left) {
        int k = (int) Math.floor(Math.max(0, metres) / SPACING);
        return left ? 2 * k + 1 : 2 * k + 2;
    }

    /** left_from, left_to, right_from, right_to of a segment; null for a bridge (no houses on it). */
    static int[] ranges(Segment s) {
        if (s.bridge) {
            return null;
        }
        double end = Math.max(s.from, s.to - 0.01);
        return new int[] {at(s.from, true), at(end, true), at(s.from, false), at(end, false)};
    }
}
