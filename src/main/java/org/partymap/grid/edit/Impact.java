package org.partymap.grid.edit;

import java.util.List;

/**
 * What an edit moves from grid to grid: addresses (with their households), buildings, stations
 * and party groups one by one, residents only as counts per pair of grids — no person appears in
 * a planner's view. Grids are ids (after the edit: a grid the edit creates has its new id in a
 * save, its negative key in a preview).
 */
public record Impact(List<Moved> addresses, List<Moved> buildings, List<Moved> stations, List<Moved> partyGroups,
                     List<Flow> residents) {

    /** One thing that changes grid; {@code from} or {@code to} may be null (in no grid). */
    public record Moved(long id, String label, int households, Integer from, Integer to) {
    }

    /** How many residents go from one grid to another. */
    public record Flow(Integer from, Integer to, long count) {
    }

    public long residentCount() {
        return residents.stream().mapToLong(Flow::count).sum();
    }

    public long households() {
        return addresses.stream().mapToLong(Moved::households).sum();
    }
}
