package org.partymap.grid.edit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.coverage.CoverageGapFinder;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Validates the outcome of an edit, whatever the client sent. Errors refuse the edit (422 with the
 * places); warnings are reported and the edit may be saved.
 *
 * <ul>
 * <li>every grid the edit changes is a valid polygon (JTS {@code IsValidOp}: the reason and the place);</li>
 * <li>inside its community (more than 1 m² outside is refused);</li>
 * <li>no overlap with its sibling grids and boundaries that match vertex for vertex (JTS
 *     {@code CoverageValidator} over the changed grids and their neighbours; what was wrong before
 *     the edit is not held against it);</li>
 * <li>no sliver ({@link Slivers}): no tiny or thin piece of a grid, no new thin spike, no new gap
 *     narrower than {@value Slivers#GAP_WIDTH_M} m (JTS {@code CoverageGapFinder});</li>
 * <li>a wider gap the edit opens is a warning (the land of no grid); it is refused when it holds
 *     an address, building, station or resident — which the service checks against the database;</li>
 * <li>a grid the edit leaves in several pieces is a warning.</li>
 * </ul>
 */
public final class GridCoverageValidator {

    /** What validation found; {@code newGap} is the land the edit leaves in no grid (lon/lat, maybe empty). */
    public record Result(List<Finding> errors, List<Finding> warnings, Geometry newGap) {
    }

    /** Area below which an overlap or a part outside the community is rounding, not a mistake (m²). */
    static final double AREA_TOLERANCE_M2 = 1;

    public Result validate(Outcome outcome) {
        CommunityState community = outcome.community();
        var plane = LocalMetres.around(community.geom().getEnvelopeInternal());
        var errors = new ArrayList<Finding>();
        var warnings = new ArrayList<Finding>();
        var shaped = outcome.changes().stream().filter(c -> !c.isRetired() && c.geometryChanged()).toList();
        for (Outcome.Change c : shaped) {
            var invalid = Finding.invalid(c.after(), c.key(), outcome.nameOf(c.key()));
            if (invalid.isPresent()) {
                errors.add(invalid.get());
            } else if (c.after().isEmpty()) {
                errors.add(Finding.at("empty-grid", outcome.nameOf(c.key()) + " 没有面积 (the grid would have no area)", c.key(), null));
            }
        }
        if (!errors.isEmpty() || shaped.isEmpty()) {
            return new Result(errors, warnings, Shapes.empty());
        }
        outside(outcome, shaped, plane, errors);
        Map<Integer, Geometry> after = neighbourhood(outcome.after(), shaped);
        Map<Integer, Geometry> before = neighbourhoodBefore(outcome, after.keySet());
        coverage(outcome, shaped, after, before, plane, errors);
        slivers(outcome, shaped, plane, errors);
        Geometry newGap = gaps(outcome, after, before, plane, errors, warnings);
        for (Outcome.Change c : shaped) {
            int was = c.before() == null ? 1 : Math.max(1, c.before().geom().getNumGeometries());
            if (c.after().getNumGeometries() > was) {
                warnings.add(Finding.at("disconnected", outcome.nameOf(c.key()) + " 将分成 " + c.after().getNumGeometries()
                        + " 块 (the grid would be in " + c.after().getNumGeometries() + " pieces)", c.key(), c.after()));
            }
        }
        return new Result(errors, warnings, newGap);
    }

    private static void outside(Outcome outcome, List<Outcome.Change> shaped, LocalMetres plane, List<Finding> errors) {
        for (Outcome.Change c : shaped) {
            Geometry out = Shapes.difference(c.after(), outcome.community().geom());
            if (plane.metres(out).getArea() > AREA_TOLERANCE_M2) {
                errors.add(Finding.at("outside-community", String.format(Locale.ROOT, "%s 超出%s边界 %.0f 平方米 (the grid reaches %.0f m² outside its community)",
                        outcome.nameOf(c.key()), outcome.community().name(), plane.metres(out).getArea(), plane.metres(out).getArea()), c.key(), out));
            }
        }
    }

    /** Overlaps and boundaries that do not match, which the edit brought about. */
    private static void coverage(Outcome outcome, List<Outcome.Change> shaped, Map<Integer, Geometry> after,
                                 Map<Integer, Geometry> before, LocalMetres plane, List<Finding> errors) {
        Map<Integer, Geometry> invalidAfter = invalidLinework(after);
        Map<Integer, Geometry> invalidBefore = invalidLinework(before);
        for (Outcome.Change c : shaped) {
            Geometry bad = invalidAfter.get(c.key());
            if (bad == null) {
                continue;
            }
            Geometry old = invalidBefore.get(c.key());
            Geometry fresh = old == null ? bad : bad.difference(old.buffer(Noding.TOLERANCE));
            if (fresh.isEmpty() || fresh.getLength() < Noding.TOLERANCE) {
                continue;
            }
            boolean overlapped = false;
            for (var other : after.entrySet()) {
                if (other.getKey() == c.key() || !other.getValue().getEnvelopeInternal().intersects(c.after().getEnvelopeInternal())) {
                    continue;
                }
                Geometry both = Shapes.intersection(c.after(), other.getValue());
                double m2 = plane.metres(both).getArea();
                if (m2 > AREA_TOLERANCE_M2 && (c.key() < other.getKey() || outcome.change(other.getKey()).isEmpty()
                        || outcome.change(other.getKey()).get().isRetired())) {
                    errors.add(Finding.at("overlap", String.format(Locale.ROOT, "%s 与%s 重叠 %.0f 平方米 (the grids overlap by %.0f m²)",
                            outcome.nameOf(c.key()), outcome.nameOf(other.getKey()), m2, m2), c.key(), both));
                }
                overlapped |= m2 > AREA_TOLERANCE_M2;
            }
            if (!overlapped) {
                errors.add(Finding.at("misaligned-edge", outcome.nameOf(c.key()) + " 的边界与相邻网格没有对齐 (its boundary does not match "
                        + "its neighbour's vertex for vertex)", c.key(), fresh));
            }
        }
    }

    private static Map<Integer, Geometry> invalidLinework(Map<Integer, Geometry> grids) {
        var keys = new ArrayList<>(grids.keySet());
        Geometry[] coverage = keys.stream().map(grids::get).toArray(Geometry[]::new);
        Geometry[] invalid = CoverageValidator.validate(coverage);
        var out = new LinkedHashMap<Integer, Geometry>();
        for (int i = 0; i < invalid.length; i++) {
            if (invalid[i] != null && !invalid[i].isEmpty()) {
                out.put(keys.get(i), invalid[i]);
            }
        }
        return out;
    }

    private static void slivers(Outcome outcome, List<Outcome.Change> shaped, LocalMetres plane, List<Finding> errors) {
        for (Outcome.Change c : shaped) {
            for (Polygon part : Shapes.parts(c.after())) {
                Geometry m = plane.metres(part);
                if (Slivers.isThinOrTiny(m)) {
                    errors.add(Finding.at("sliver", String.format(Locale.ROOT, "%s 有一块碎片（%.0f 平方米，最宽 %.1f 米）(a sliver of %.0f m², at most %.1f m wide)",
                            outcome.nameOf(c.key()), m.getArea(), Slivers.width(m), m.getArea(), Slivers.width(m)), c.key(), part));
                }
            }
            Geometry thin = Slivers.thinParts(plane.metres(c.after()));
            if (!thin.isEmpty() && c.before() != null) {
                thin = thin.difference(Slivers.thinParts(plane.metres(c.before().geom())).buffer(0.5));
            }
            for (Polygon spike : Shapes.parts(thin)) {
                if (spike.getArea() >= Slivers.SPIKE_AREA_M2) {
                    errors.add(Finding.at("sliver", String.format(Locale.ROOT, "%s 有一条细长的尖角（%.0f 平方米，窄于 %.0f 米）(a spike of %.0f m² narrower than %.0f m)",
                            outcome.nameOf(c.key()), spike.getArea(), Slivers.MIN_WIDTH_M, spike.getArea(), Slivers.MIN_WIDTH_M),
                            c.key(), plane.lonLat(spike)));
                }
            }
        }
    }

    /** Gaps the edit opens: thin ones refused, others reported. Returns the land no grid holds any more. */
    private static Geometry gaps(Outcome outcome, Map<Integer, Geometry> after, Map<Integer, Geometry> before, LocalMetres plane,
                                 List<Finding> errors, List<Finding> warnings) {
        var held = new ArrayList<Geometry>();
        for (Outcome.Change c : outcome.changes()) {
            if (c.before() != null && c.geometryChanged()) {
                held.add(c.before().geom());
            }
        }
        Geometry newGap = Shapes.difference(Shapes.union(held), Shapes.union(new ArrayList<>(after.values())));
        Geometry narrowBefore = narrowGaps(before, plane);
        Geometry narrow = narrowGaps(after, plane);
        var reported = new ArrayList<Geometry>();
        for (int i = 0; i < narrow.getNumGeometries(); i++) {
            Geometry line = narrow.getGeometryN(i);
            if (narrowBefore.isEmpty() || !narrowBefore.buffer(0.01).covers(line)) {
                reported.add(line);
                errors.add(Finding.at("sliver-gap", String.format(Locale.ROOT, "网格之间出现窄于 %.0f 米的缝隙 (a gap narrower than %.0f m between grids)",
                        Slivers.GAP_WIDTH_M, Slivers.GAP_WIDTH_M), null, plane.lonLat(line)));
            }
        }
        for (Polygon piece : Shapes.parts(newGap)) {
            Geometry m = plane.metres(piece);
            if (reported.stream().anyMatch(r -> r.intersects(m))) {
                continue;
            }
            if (m.getArea() < Slivers.MIN_AREA_M2 || !Slivers.hasWidth(m, Slivers.GAP_WIDTH_M)) {
                errors.add(Finding.at("sliver-gap", String.format(Locale.ROOT, "出现一条不属于任何网格的细缝（%.0f 平方米）(a thin gap of %.0f m² in no grid)",
                        m.getArea(), m.getArea()), null, piece));
            } else {
                warnings.add(Finding.at("gap", String.format(Locale.ROOT, "有 %.0f 平方米不再属于任何网格 (%.0f m² would be in no grid)",
                        m.getArea(), m.getArea()), null, piece));
            }
        }
        return newGap;
    }

    /** The rings of the holes in a coverage narrower than the gap width (metres), as lines. */
    private static Geometry narrowGaps(Map<Integer, Geometry> grids, LocalMetres plane) {
        Geometry[] coverage = grids.values().stream().map(plane::metres).toArray(Geometry[]::new);
        if (CoverageValidator.hasInvalidResult(CoverageValidator.validate(coverage))) {
            return Shapes.FACTORY.createLineString();
        }
        Geometry lines = CoverageGapFinder.findGaps(coverage, Slivers.GAP_WIDTH_M);
        return lines == null ? Shapes.FACTORY.createLineString() : lines;
    }

    /** The grids after the edit that matter for it: those it changed and those near them. */
    private static Map<Integer, Geometry> neighbourhood(Map<Integer, Geometry> after, List<Outcome.Change> shaped) {
        var env = new Envelope();
        shaped.forEach(c -> env.expandToInclude(c.after().getEnvelopeInternal()));
        shaped.forEach(c -> {
            if (c.before() != null) {
                env.expandToInclude(c.before().geom().getEnvelopeInternal());
            }
        });
        var out = new LinkedHashMap<Integer, Geometry>();
        after.forEach((k, g) -> {
            if (g.getEnvelopeInternal().intersects(env)) {
                out.put(k, g);
            }
        });
        return out;
    }

    /** The same neighbourhood before the edit (grids it creates left out, grids it retires in). */
    private static Map<Integer, Geometry> neighbourhoodBefore(Outcome outcome, java.util.Set<Integer> keys) {
        var out = new LinkedHashMap<Integer, Geometry>();
        for (GridState g : outcome.community().grids()) {
            boolean retired = outcome.change(g.id()).map(Outcome.Change::isRetired).orElse(false);
            if (keys.contains(g.id()) || retired) {
                out.put(g.id(), g.geom());
            }
        }
        return out;
    }

}
