package org.partymap.demo;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.partymap.demo.District.Address;

/**
 * Writes the standard address strings once streets and sites have names: 万方花园3幢2单元 for a
 * unit, 人民路12号 for a house number. Where two doors on one side of a street fall on the same
 * number, the later ones are split (人民路12-1号, 12-2号), as real numbering does.
 */
final class Addressing {

    private Addressing() {
    }

    static void write(District d) {
        Map<String, Integer> taken = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Address a : d.addresses) {
            if (a.onRoad()) {
                String key = a.side.segment().line.id + ":" + a.number;
                int n = taken.merge(key, 1, Integer::sum);
                a.sub = n - 1;
                a.full = a.road() + a.houseNumber() + "号";
            } else {
                a.full = a.site.name + a.building.number + "幢" + a.unit + "单元";
            }
            if (!seen.add(a.full)) {
                throw new IllegalStateException("two addresses read " + a.full);
            }
        }
    }
}
