package org.partymap.grid.edit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.partymap.io.ChineseNumerals;

/**
 * Accepting a generated proposal, in whole or in part. "In part" means: the accepted proposed
 * grids replace whatever lies under them, and every other place stays in the grid it is in now.
 * So the community stays covered exactly as before — every household in exactly one grid:
 *
 * <ul>
 * <li>each accepted shape becomes a grid; the current grids give way ({@link CoverageEditor}), and
 *     their slivers join a neighbour;</li>
 * <li>codes stay stable: an accepted shape takes the code, branch and leader of a current grid it
 *     replaces entirely — the one whose households it takes most of (the grids it replaces are
 *     matched greedily, most households first). A current grid that keeps land of its own keeps
 *     its code; an accepted shape that replaces nobody becomes a new grid with the community's
 *     next code;</li>
 * <li>a current grid replaced entirely and not matched is retired; its party groups and stations
 *     follow their buildings and points, the rest go to the shape that took most of its land.</li>
 * </ul>
 */
final class ProposalAcceptance {

    private ProposalAcceptance() {
    }

    /** The shapes to impose, by key, and the grids they create. */
    record Plan(Map<Integer, Geometry> imposed, Map<Integer, CoverageEditor.NewGrid> created) {
    }

    static Plan plan(CommunityState community, List<Geometry> accepted, EditContext context, Slivers slivers) {
        var plane = slivers.plane();
        for (int i = 0; i < accepted.size(); i++) {
            for (int j = i + 1; j < accepted.size(); j++) {
                Geometry both = Shapes.intersection(accepted.get(i), accepted.get(j));
                double m2 = plane.metres(both).getArea();
                if (m2 > GridCoverageValidator.AREA_TOLERANCE_M2) {
                    throw new EditRefused(Finding.at("overlap", String.format(Locale.ROOT,
                            "所接受的第 %d 和第 %d 个方案网格重叠 %.0f 平方米 (accepted grids %d and %d overlap by %.0f m²)",
                            i + 1, j + 1, m2, i + 1, j + 1, m2), null, both));
                }
            }
        }
        Geometry taken = Shapes.union(accepted);
        var replaced = new ArrayList<GridState>();
        for (GridState g : community.grids()) {
            Geometry rest = Shapes.difference(g.geom(), taken);
            if (allSlivers(rest, slivers)) {
                replaced.add(g);
            }
        }
        record Pair(int proposal, GridState grid, double households, double area) {
        }
        var pairs = new ArrayList<Pair>();
        for (int i = 0; i < accepted.size(); i++) {
            for (GridState g : replaced) {
                Geometry both = Shapes.intersection(accepted.get(i), g.geom());
                if (!both.isEmpty()) {
                    pairs.add(new Pair(i, g, context.households(both), both.getArea()));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::households).reversed()
                .thenComparing(Comparator.comparingDouble(Pair::area).reversed())
                .thenComparingInt(p -> p.grid().id()).thenComparingInt(Pair::proposal));
        var identity = new LinkedHashMap<Integer, GridState>();
        var matched = new HashSet<Integer>();
        for (Pair p : pairs) {
            if (!identity.containsKey(p.proposal()) && !matched.contains(p.grid().id())) {
                identity.put(p.proposal(), p.grid());
                matched.add(p.grid().id());
            }
        }
        var imposed = new LinkedHashMap<Integer, Geometry>();
        var created = new LinkedHashMap<Integer, CoverageEditor.NewGrid>();
        int number = context.nextNumber();
        int key = -1;
        for (int i = 0; i < accepted.size(); i++) {
            GridState heirOf = identity.get(i);
            if (heirOf != null) {
                imposed.put(heirOf.id(), accepted.get(i));
            } else {
                String name = "第" + ChineseNumerals.of(number) + "网格";
                GridState origin = mostOverlapped(community, accepted.get(i));
                var duties = origin == null ? List.<String>of() : origin.attributes().duties();
                created.put(key, new CoverageEditor.NewGrid(community.code() + String.format(Locale.ROOT, "%03d", number),
                        GridAttributes.fresh(name, community.name(), duties), origin == null ? null : origin.id(), null));
                imposed.put(key, accepted.get(i));
                key--;
                number++;
            }
        }
        return new Plan(imposed, created);
    }

    private static GridState mostOverlapped(CommunityState community, Geometry shape) {
        GridState best = null;
        double most = 0;
        for (GridState g : community.grids()) {
            double a = Shapes.intersection(shape, g.geom()).getArea();
            if (a > most) {
                most = a;
                best = g;
            }
        }
        return best;
    }

    /** Whether every part of a shape is a sliver (or it has none). */
    static boolean allSlivers(Geometry g, Slivers slivers) {
        for (Polygon p : Shapes.parts(g)) {
            if (!slivers.isSliver(p)) {
                return false;
            }
        }
        return true;
    }
}
