package org.partymap.grid.edit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * "The boundary follows": imposes new shapes on some grids of a community and makes the others
 * give way, so that the community stays covered once, with no overlap and no new gap.
 *
 * <ol>
 * <li>Every other grid loses the land an imposed shape now takes.</li>
 * <li>Land an imposed grid gave up and nobody has now goes, piece by piece, to the other grid it
 *     shares the longest boundary with (none: it stays a gap, which validation reports).</li>
 * <li>What is left of another grid as slivers (thinner or smaller than {@link Slivers}) joins the
 *     neighbour it shares the longest boundary with.</li>
 * <li>A grid left with nothing is retired; its things go to the grid that took most of its land.</li>
 * </ol>
 *
 * Moving street blocks, splitting, merging, drawing a boundary anew, accepting a proposal and
 * reverting are all impositions of this kind.
 */
final class CoverageEditor {

    private final CommunityState community;
    private final Slivers slivers;

    CoverageEditor(CommunityState community, Slivers slivers) {
        this.community = community;
        this.slivers = slivers;
    }

    /** The shapes after imposing; a retired grid maps to null. Keys: grid ids, negative for new grids. */
    record Imposed(Map<Integer, Geometry> after, Map<Integer, Integer> absorbedBy) {
    }

    /**
     * @param imposed new shapes by key (existing ids, negative keys for new grids), rounded lon/lat
     */
    Imposed impose(Map<Integer, Geometry> imposed) {
        Geometry taken = Shapes.union(new ArrayList<>(imposed.values()));
        var after = new LinkedHashMap<Integer, Geometry>();
        var before = new LinkedHashMap<Integer, Geometry>();
        for (GridState g : community.grids()) {
            before.put(g.id(), g.geom());
            if (!imposed.containsKey(g.id())) {
                boolean touched = g.geom().getEnvelopeInternal().intersects(taken.getEnvelopeInternal())
                        && g.geom().relate(taken, "T********");
                after.put(g.id(), touched ? Shapes.difference(g.geom(), taken) : g.geom());
            }
        }
        after.putAll(imposed);
        giveAwayReleasedLand(imposed, before, after);
        absorbSlivers(imposed, before, after);
        var absorbedBy = new LinkedHashMap<Integer, Integer>();
        for (var e : new ArrayList<>(after.entrySet())) {
            if (e.getValue().isEmpty()) {
                absorbedBy.put(e.getKey(), heir(before.get(e.getKey()), after));
                after.put(e.getKey(), null);
            }
        }
        return new Imposed(after, absorbedBy);
    }

    /** Land the imposed grids held before and nobody holds now goes to the other grids beside it. */
    private void giveAwayReleasedLand(Map<Integer, Geometry> imposed, Map<Integer, Geometry> before, Map<Integer, Geometry> after) {
        var held = new ArrayList<Geometry>();
        for (Integer k : imposed.keySet()) {
            if (before.containsKey(k)) {
                held.add(before.get(k));
            }
        }
        if (held.isEmpty()) {
            return;
        }
        var now = new ArrayList<Geometry>();
        for (Geometry g : after.values()) {
            if (!g.isEmpty()) {
                now.add(g);
            }
        }
        Geometry released = Shapes.difference(Shapes.union(held), Shapes.union(now));
        for (Polygon piece : Shapes.parts(released)) {
            Integer to = longestBorder(piece, after, imposed, null);
            if (to != null) {
                after.put(to, Shapes.union(after.get(to), piece));
            }
        }
    }

    /** Slivers of the grids that gave way join the neighbour they share the longest boundary with. */
    private void absorbSlivers(Map<Integer, Geometry> imposed, Map<Integer, Geometry> before, Map<Integer, Geometry> after) {
        for (var e : new ArrayList<>(after.entrySet())) {
            int key = e.getKey();
            Geometry g = e.getValue();
            if (imposed.containsKey(key) || g.isEmpty() || g == before.get(key)) {
                continue;
            }
            var kept = new ArrayList<Geometry>();
            for (Polygon part : Shapes.parts(g)) {
                if (slivers.isSliver(part)) {
                    Integer to = longestBorder(part, after, Map.of(), key);
                    if (to != null) {
                        after.put(to, Shapes.union(after.get(to), part));
                        continue;
                    }
                }
                kept.add(part);
            }
            after.put(key, kept.isEmpty() ? Shapes.empty() : Shapes.union(kept));
        }
    }

    /** The grid (not imposed, not {@code except}) that shares the longest boundary with a piece; null when none borders it. */
    private static Integer longestBorder(Geometry piece, Map<Integer, Geometry> after, Map<Integer, Geometry> imposed, Integer except) {
        Integer best = null;
        double longest = 0;
        for (var e : after.entrySet()) {
            if (imposed.containsKey(e.getKey()) || e.getKey().equals(except) || e.getValue().isEmpty()) {
                continue;
            }
            double shared = Shapes.sharedMetres(piece, e.getValue());
            if (shared > longest) {
                longest = shared;
                best = e.getKey();
            }
        }
        return best;
    }

    /** The grid that now holds most of a retired grid's land. */
    private static int heir(Geometry was, Map<Integer, Geometry> after) {
        int best = 0;
        double most = -1;
        for (var e : after.entrySet()) {
            if (e.getValue() == null || e.getValue().isEmpty()) {
                continue;
            }
            double area = e.getValue().getEnvelopeInternal().intersects(was.getEnvelopeInternal())
                    ? Shapes.intersection(was, e.getValue()).getArea() : 0;
            if (area > most) {
                most = area;
                best = e.getKey();
            }
        }
        return best;
    }

    /**
     * A grid the edit brings into being: a new one (negative key, the community's next code) or a
     * retired one that a revert restores (its own id and code, the version of its retirement).
     */
    record NewGrid(String code, GridAttributes attributes, Integer origin, Integer retiredVersion) {
    }

    /**
     * Lists the impositions as changes of an outcome.
     *
     * @param attributes new attributes of existing grids, by id
     * @param created    the grids the edit brings into being, by key
     */
    static List<Outcome.Change> changes(CommunityState community, Imposed result, Map<Integer, GridAttributes> attributes,
                                       Map<Integer, NewGrid> created) {
        var out = new ArrayList<Outcome.Change>();
        for (var e : result.after().entrySet()) {
            int key = e.getKey();
            Geometry g = e.getValue();
            var existing = community.grid(key);
            NewGrid made = created.get(key);
            if (made != null) {
                if (g != null) {
                    out.add(made.retiredVersion() == null
                            ? Outcome.Change.created(key, made.code(), Shapes.multi(g), made.attributes(), made.origin())
                            : Outcome.Change.restored(key, made.code(), made.retiredVersion(), Shapes.multi(g), made.attributes()));
                }
            } else if (g == null) {
                out.add(Outcome.Change.retired(existing.orElseThrow(), result.absorbedBy().get(key)));
            } else if (g != existing.orElseThrow().geom() || attributes.containsKey(key)) {
                GridAttributes a = attributes.getOrDefault(key, existing.get().attributes());
                out.add(Outcome.Change.updated(existing.get(), Shapes.multi(g), a));
            }
        }
        return out;
    }
}
