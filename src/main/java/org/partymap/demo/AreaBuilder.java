package org.partymap.demo;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.partymap.demo.District.Area;
import org.partymap.demo.District.Block;
import org.partymap.grid.GridPartitioner;
import org.partymap.grid.StreetBlockPolygonizer.Blocks;
import org.partymap.grid.StreetBlockPolygonizer;
import org.partymap.street.StreetClass;

/**
 * Draws the subdistricts (街道) and communities (社区) with the same tools the grids use: the
 * district is cut along its axes into cells, which are grouped into seven subdistricts of
 * balanced population (so their boundaries run along axes); each subdistrict is cut along its
 * axes and main streets, and those pieces are grouped into its communities (whose boundaries run
 * along main streets). Names go to the subdistricts by where {@code subdistricts.csv} places them,
 * and to communities in reading order from {@code communities.csv}.
 */
final class AreaBuilder {

    private static final Set<StreetClass> AXES = EnumSet.of(StreetClass.AXIS);
    private static final Set<StreetClass> MAIN_STREETS = EnumSet.of(StreetClass.AXIS, StreetClass.MAIN);

    private final District d;
    private final DemoInputs inputs;
    private final StreetBlockPolygonizer polygonizer = StreetBlockPolygonizer.lonLat();
    private final GridPartitioner partitioner = new GridPartitioner();
    private final List<StreetBlockPolygonizer.StreetLine> lines;

    AreaBuilder(District d, DemoInputs inputs) {
        this.d = d;
        this.inputs = inputs;
        this.lines = d.network.streetLines();
    }

    void build() {
        List<String[]> rows = inputs.rows("subdistricts.csv");
        Blocks cells = polygonizer.polygonize(d.network.district, lines, AXES);
        List<List<Block>> cellBlocks = blocksIn(cells, d.blocks);
        var groups = partitioner.partition(cells, weights(cellBlocks), List.of(), rows.size());
        int[] seat = seats(groups, rows);
        for (int i = 0; i < rows.size(); i++) {
            var g = groups.get(seat[i]);
            Area s = new Area();
            s.id = i + 1;
            s.code = rows.get(i)[0];
            s.name = rows.get(i)[1];
            s.polygon = g.polygon();
            g.blocks().forEach(c -> s.blocks.addAll(cellBlocks.get(c)));
            d.subdistricts.add(s);
        }
        List<String[]> names = inputs.rows("communities.csv");
        for (int i = 0; i < rows.size(); i++) {
            communities(d.subdistricts.get(i), Integer.parseInt(rows.get(i)[4]), names);
        }
        for (Area a : d.subdistricts) {
            a.households = a.blocks.stream().mapToInt(b -> b.households).sum();
        }
    }

    private void communities(Area sub, int count, List<String[]> names) {
        Blocks faces = polygonizer.polygonize(sub.polygon, lines, MAIN_STREETS);
        List<List<Block>> faceBlocks = blocksIn(faces, sub.blocks);
        var groups = partitioner.partition(faces, weights(faceBlocks), List.of(), count);
        List<String> mine = names.stream().filter(r -> r[0].equals(sub.name)).map(r -> r[1]).toList();
        if (mine.size() < count) {
            throw new IllegalStateException("communities.csv names " + mine.size() + " communities of " + sub.name + ", not " + count);
        }
        for (int i = 0; i < groups.size(); i++) {
            var g = groups.get(i);
            Area c = new Area();
            c.id = d.communities.size() + 1;
            c.code = sub.code + String.format(Locale.ROOT, "%03d", i + 1);
            c.name = mine.get(i);
            c.parent = sub;
            c.polygon = g.polygon();
            for (int f : g.blocks()) {
                for (Block b : faceBlocks.get(f)) {
                    c.blocks.add(b);
                    b.community = c;
                }
            }
            c.blocks.sort((p, q) -> Integer.compare(p.index, q.index));
            c.households = c.blocks.stream().mapToInt(b -> b.households).sum();
            d.communities.add(c);
        }
    }

    /** The district's blocks that lie in each face. */
    static List<List<Block>> blocksIn(Blocks faces, List<Block> blocks) {
        var locator = new Locator<>(faces.blocks(), f -> f.polygon());
        var out = new ArrayList<List<Block>>();
        for (int i = 0; i < faces.size(); i++) {
            out.add(new ArrayList<>());
        }
        for (Block b : blocks) {
            var face = locator.find(b.interior);
            if (face == null) {
                throw new IllegalStateException("block " + b.index + " lies in no face");
            }
            out.get(face.index()).add(b);
        }
        return out;
    }

    /** Households per face, and a little for land, so that empty land is shared out too. */
    private static double[] weights(List<List<Block>> faces) {
        double[] w = new double[faces.size()];
        for (int i = 0; i < w.length; i++) {
            for (Block b : faces.get(i)) {
                w[i] += b.households + b.areaM2 / 10_000;
            }
        }
        return w;
    }

    /**
     * Which group each named subdistrict gets: the assignment with the least total squared
     * distance from the groups' middles to the places in {@code subdistricts.csv}.
     */
    private static int[] seats(List<GridPartitioner.Grid> groups, List<String[]> rows) {
        int n = rows.size();
        double[][] cost = new double[n][n];
        for (int i = 0; i < n; i++) {
            double x = Double.parseDouble(rows.get(i)[2]);
            double y = Double.parseDouble(rows.get(i)[3]);
            for (int g = 0; g < n; g++) {
                Coordinate c = LocalPlane.toMetres(middle(groups.get(g).polygon()));
                cost[i][g] = (c.x - x) * (c.x - x) + (c.y - y) * (c.y - y);
            }
        }
        int[] best = new int[n];
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        double[] bestCost = {Double.POSITIVE_INFINITY};
        permute(perm, 0, cost, best, bestCost);
        return best;
    }

    private static void permute(int[] perm, int k, double[][] cost, int[] best, double[] bestCost) {
        if (k == perm.length) {
            double c = 0;
            for (int i = 0; i < perm.length; i++) {
                c += cost[i][perm[i]];
            }
            if (c < bestCost[0]) {
                bestCost[0] = c;
                System.arraycopy(perm, 0, best, 0, perm.length);
            }
            return;
        }
        for (int i = k; i < perm.length; i++) {
            int t = perm[k];
            perm[k] = perm[i];
            perm[i] = t;
            permute(perm, k + 1, cost, best, bestCost);
            perm[i] = perm[k];
            perm[k] = t;
        }
    }

    static Coordinate middle(Geometry g) {
        return g.getInteriorPoint().getCoordinate();
    }
}
