package org.partymap.grid.edit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.partymap.grid.StreetBlockPolygonizer;
import org.partymap.io.ChineseNumerals;

/**
 * Turns an edit into its {@link Outcome} against the community's grids as they are: pure geometry
 * (JTS), with what it needs from the database asked of an {@link EditContext}. Edits that cannot be
 * made as asked throw {@link EditRefused}; whether the outcome is acceptable is for {@link
 * GridCoverageValidator} to say.
 */
public final class EditResolver {

    /** Two grids must share at least this much boundary (metres) to count as neighbours. */
    static final double MIN_SHARED_METRES = 1;

    private final EditContext context;

    public EditResolver(EditContext context) {
        this.context = context;
    }

    public Outcome resolve(GridEdit edit, CommunityState community) {
        var slivers = new Slivers(LocalMetres.around(community.geom().getEnvelopeInternal()));
        var editor = new CoverageEditor(community, slivers);
        List<Outcome.Change> changes;
        if (edit instanceof GridEdit.MoveBlocks m) {
            changes = moveBlocks(m, community, editor);
        } else if (edit instanceof GridEdit.Split s) {
            changes = split(s, community, editor, slivers.plane());
        } else if (edit instanceof GridEdit.Merge m) {
            changes = merge(m, community, editor);
        } else if (edit instanceof GridEdit.Redraw r) {
            changes = redraw(r, community, slivers.plane());
        } else if (edit instanceof GridEdit.Reshape r) {
            changes = reshape(r, community, editor, slivers.plane());
        } else if (edit instanceof GridEdit.SetAttributes a) {
            GridState g = community.require(a.grid());
            changes = List.of(Outcome.Change.updated(g, g.geom(), a.attributes()));
        } else if (edit instanceof GridEdit.AcceptProposal p) {
            var plan = ProposalAcceptance.plan(community, clip(p.grids(), community, slivers.plane()), context, slivers);
            changes = CoverageEditor.changes(community, editor.impose(plan.imposed()), Map.of(), plan.created());
        } else if (edit instanceof GridEdit.Revert r) {
            changes = revert(r, community, editor);
        } else {
            throw new IllegalArgumentException("unknown edit " + edit);
        }
        return new Outcome(edit.operation(), community, noded(community, changes));
    }

    private List<Outcome.Change> moveBlocks(GridEdit.MoveBlocks m, CommunityState community, CoverageEditor editor) {
        GridState from = community.require(m.from());
        GridState to = community.require(m.to());
        if (from.id() == to.id()) {
            throw new EditRefused(Finding.of("same-grid", "街区要移入另一个网格 (blocks move from one grid to another)"));
        }
        StreetBlockPolygonizer.Blocks blocks = context.blocks();
        var pieces = new ArrayList<Geometry>();
        for (Coordinate p : m.points()) {
            var block = blocks.blocks().stream()
                    .filter(b -> b.polygon().getEnvelopeInternal().contains(p) && b.polygon().covers(Shapes.FACTORY.createPoint(p)))
                    .findFirst()
                    .orElseThrow(() -> new EditRefused(Finding.at("no-block", String.format(Locale.ROOT,
                            "(%.6f, %.6f) 不在%s的任何街区内 (the point is in no street block of the community)", p.x, p.y, community.name()),
                            null, Shapes.FACTORY.createPoint(p))));
            Geometry piece = Shapes.intersection(block.polygon(), from.geom());
            if (piece.isEmpty()) {
                throw new EditRefused(Finding.at("block-not-in-grid", "所选街区不在" + from.attributes().name()
                        + "内 (the block is not in the grid it should move from)", from.id(), block.polygon()));
            }
            pieces.add(piece);
        }
        Geometry piece = Shapes.union(pieces);
        if (Shapes.sharedMetres(piece, to.geom()) < MIN_SHARED_METRES) {
            throw new EditRefused(Finding.at("not-adjacent", "所选街区与" + to.attributes().name()
                    + "不相邻 (the blocks do not border the grid they should join)", to.id(), piece));
        }
        if (Shapes.difference(from.geom(), piece).isEmpty()) {
            throw new EditRefused(Finding.at("would-empty", "移走全部街区会使" + from.attributes().name()
                    + "为空，请改用合并 (moving every block empties the grid: merge it instead)", from.id(), piece));
        }
        var imposed = Map.<Integer, Geometry>of(to.id(), Shapes.union(to.geom(), piece));
        return CoverageEditor.changes(community, editor.impose(imposed), Map.of(), Map.of());
    }

    private List<Outcome.Change> split(GridEdit.Split s, CommunityState community, CoverageEditor editor, LocalMetres plane) {
        GridState grid = community.require(s.grid());
        LineString line = snapper(community, s.snapMetres(), Set.of(), plane).snapAll(Shapes.rounded(s.line()));
        List<Geometry> parts = GridSplitter.split(grid.geom(), line, s.keep());
        int number = context.nextNumber();
        String name = s.name() != null ? s.name() : "第" + ChineseNumerals.of(number) + "网格";
        var created = Map.of(-1, new CoverageEditor.NewGrid(community.code() + String.format(Locale.ROOT, "%03d", number),
                GridAttributes.fresh(name, community.name(), grid.attributes().duties()), grid.id(), null));
        var imposed = new LinkedHashMap<Integer, Geometry>();
        imposed.put(grid.id(), parts.get(0));
        imposed.put(-1, parts.get(1));
        return CoverageEditor.changes(community, editor.impose(imposed), Map.of(), created);
    }

    private static List<Outcome.Change> merge(GridEdit.Merge m, CommunityState community, CoverageEditor editor) {
        GridState keep = community.require(m.grid());
        GridState other = community.require(m.other());
        if (keep.id() == other.id()) {
            throw new EditRefused(Finding.of("same-grid", "不能把网格与自身合并 (a grid cannot merge with itself)"));
        }
        if (Shapes.sharedMetres(keep.geom(), other.geom()) < MIN_SHARED_METRES) {
            throw new EditRefused(Finding.at("not-adjacent", keep.attributes().name() + "与" + other.attributes().name()
                    + "不相邻，不能合并 (only grids that share a boundary can merge)", other.id(), other.geom()));
        }
        var imposed = Map.<Integer, Geometry>of(keep.id(), Shapes.union(keep.geom(), other.geom()));
        return CoverageEditor.changes(community, editor.impose(imposed), Map.of(), Map.of());
    }

    private List<Outcome.Change> redraw(GridEdit.Redraw r, CommunityState community, LocalMetres plane) {
        var moves = new VertexMoves(community);
        for (GridEdit.VertexMove m : r.moves()) {
            moves.move(m.from(), m.to(), moving -> snapper(community, r.snapMetres(), moving, plane));
        }
        var out = new ArrayList<Outcome.Change>();
        moves.result().forEach((id, g) -> {
            GridState before = community.grid(id).orElseThrow();
            out.add(Outcome.Change.updated(before, g, before.attributes()));
        });
        if (out.isEmpty()) {
            throw new EditRefused(Finding.of("nothing-moved", "没有移动任何顶点 (no vertex moved)"));
        }
        return out;
    }

    private List<Outcome.Change> reshape(GridEdit.Reshape r, CommunityState community, CoverageEditor editor, LocalMetres plane) {
        GridState grid = community.require(r.grid());
        Geometry drawn = snapper(community, r.snapMetres(), Set.of(), plane).snapAll(Shapes.rounded(r.geometry()));
        requireValid(drawn, grid.id(), grid.attributes().name());
        Geometry shape = clip(List.of(drawn), community, plane).get(0);
        var imposed = Map.<Integer, Geometry>of(grid.id(), shape);
        return CoverageEditor.changes(community, editor.impose(imposed), Map.of(), Map.of());
    }

    private List<Outcome.Change> revert(GridEdit.Revert r, CommunityState community, CoverageEditor editor) {
        var imposed = new LinkedHashMap<Integer, Geometry>();
        var attributes = new LinkedHashMap<Integer, GridAttributes>();
        var created = new LinkedHashMap<Integer, CoverageEditor.NewGrid>();
        for (GridEdit.Target t : r.targets()) {
            var v = context.version(t.grid(), t.version()).orElseThrow(() -> new EditRefused(Finding.of("no-version",
                    "网格 " + t.grid() + " 没有第 " + t.version() + " 版 (the grid has no such version)")));
            if (v.communityId() != community.id() || v.geom() == null || v.operation().equals("retire")) {
                throw new EditRefused(Finding.of("cannot-revert", "网格 " + v.code() + " 第 " + v.version()
                        + " 版不能在此恢复 (that version cannot be restored here: another community, or the grid's retirement)"));
            }
            Geometry shape = Shapes.rounded(v.geom());
            imposed.put(t.grid(), shape);
            if (community.grid(t.grid()).isPresent()) {
                attributes.put(t.grid(), v.attributes());
            } else {
                int retired = context.latest(t.grid()).map(EditContext.GridVersion::version).orElseThrow();
                created.put(t.grid(), new CoverageEditor.NewGrid(v.code(), v.attributes(), null, retired));
            }
        }
        return CoverageEditor.changes(community, editor.impose(imposed), attributes, created);
    }

    /** Shapes clipped to the community where they reach out of it by a rounding error; left as they are where more. */
    private static List<Geometry> clip(List<Geometry> shapes, CommunityState community, LocalMetres plane) {
        var out = new ArrayList<Geometry>();
        for (Geometry g : shapes) {
            Geometry rounded = Shapes.rounded(g);
            Geometry outside = Shapes.difference(rounded, community.geom());
            double m2 = plane.metres(outside).getArea();
            out.add(m2 > 0 && m2 <= GridCoverageValidator.AREA_TOLERANCE_M2 ? Shapes.intersection(rounded, community.geom()) : rounded);
        }
        return out;
    }

    private static void requireValid(Geometry g, int key, String name) {
        Finding.invalid(g, key, name).ifPresent(f -> {
            throw new EditRefused(f);
        });
    }

    /** Snaps to streets, the community's boundary and every grid's boundary, but not to the vertices being moved. */
    private Snapper snapper(CommunityState community, double metres, Set<Coordinate> moving, LocalMetres plane) {
        var fixed = new ArrayList<Geometry>(context.streets());
        fixed.add(community.geom());
        var grids = community.grids().stream().map(GridState::geom).toList();
        return new Snapper(fixed, grids, metres, moving, plane);
    }

    /** The changes with shared boundaries noded: neighbours that gain a vertex join the changes. */
    private static List<Outcome.Change> noded(CommunityState community, List<Outcome.Change> changes) {
        var changed = new LinkedHashMap<Integer, Geometry>();
        var keys = new HashSet<Integer>();
        for (Outcome.Change c : changes) {
            keys.add(c.key());
            if (!c.isRetired() && c.geometryChanged()) {
                changed.put(c.key(), c.after());
            }
        }
        if (changed.isEmpty()) {
            return changes;
        }
        var unchanged = new LinkedHashMap<Integer, Geometry>();
        for (GridState g : community.grids()) {
            if (!keys.contains(g.id())) {
                unchanged.put(g.id(), g.geom());
            }
        }
        Map<Integer, Geometry> noded = Noding.node(changed, unchanged);
        var out = new ArrayList<Outcome.Change>();
        for (Outcome.Change c : changes) {
            Geometry g = noded.get(c.key());
            out.add(g == null ? c : new Outcome.Change(c.key(), c.before(), Shapes.multi(g), c.attributes(), c.absorbedBy(),
                    c.origin(), c.code(), c.baseVersion()));
        }
        for (var e : noded.entrySet()) {
            if (!keys.contains(e.getKey())) {
                GridState g = community.grid(e.getKey()).orElseThrow();
                out.add(Outcome.Change.updated(g, Shapes.multi(e.getValue()), g.attributes()));
            }
        }
        return out;
    }
}
