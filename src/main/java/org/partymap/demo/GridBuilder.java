package org.partymap.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.partymap.demo.District.Area;
import org.partymap.demo.District.Block;
import org.partymap.demo.District.Grid;
import org.partymap.demo.District.Use;
import org.partymap.grid.Apportionment;
import org.partymap.grid.GridPartitioner;
import org.partymap.grid.StreetBlockPolygonizer.Blocks;
import org.partymap.grid.StreetBlockPolygonizer;
import org.partymap.io.ChineseNumerals;
import org.partymap.street.StreetClass;

/**
 * Makes the grids exactly as a planner would with the grid package: each community is cut into
 * its street blocks and the blocks are grouped into grids of balanced households, cutting along
 * main streets before lanes. An office-tower or market block becomes a dedicated grid (专属网格).
 * The district's grid count (268) is shared among communities by households. Each grid gets its
 * name (第一网格 …), code, party branch, a grid leader who is its secretary, contacts and duties.
 */
final class GridBuilder {

    private final District d;
    private final DemoInputs inputs;
    private final People people;
    private final SplittableRandom rnd;
    private final StreetBlockPolygonizer polygonizer = StreetBlockPolygonizer.lonLat();
    private final GridPartitioner partitioner = new GridPartitioner();

    GridBuilder(District d, DemoInputs inputs, People people, SplittableRandom rnd) {
        this.d = d;
        this.inputs = inputs;
        this.people = people;
        this.rnd = rnd;
    }

    /** One community's blocks as the polygoniser gives them, matched to the district's blocks. */
    private record Parts(Area community, Blocks blocks, List<Block> matched, double[] weights, List<Integer> dedicated) {
    }

    void build() {
        var lines = d.network.streetLines();
        var parts = new ArrayList<Parts>();
        for (Area c : d.communities) {
            Blocks blocks = polygonizer.polygonize(c.polygon, lines, EnumSet.allOf(StreetClass.class));
            var located = AreaBuilder.blocksIn(blocks, c.blocks);
            var matched = new ArrayList<Block>();
            double[] w = new double[blocks.size()];
            var dedicated = new ArrayList<Integer>();
            for (int i = 0; i < blocks.size(); i++) {
                if (located.get(i).size() != 1) {
                    throw new IllegalStateException(c.name + ": block " + i + " matches " + located.get(i).size() + " blocks of the district");
                }
                Block b = located.get(i).get(0);
                matched.add(b);
                w[i] = b.households;
                if (b.use.dedicated() && b.site != null) {
                    dedicated.add(i);
                }
            }
            if (matched.size() != c.blocks.size()) {
                throw new IllegalStateException(c.name + " has " + c.blocks.size() + " blocks but polygonises into " + matched.size());
            }
            parts.add(new Parts(c, blocks, matched, w, partitioner.feasibleDedicated(blocks, w, dedicated)));
        }
        int[] counts = counts(parts, inputs.integer("grids"));
        d.duties = inputs.lines("duties.txt");
        for (int p = 0; p < parts.size(); p++) {
            Parts part = parts.get(p);
            var grids = partitioner.partition(part.blocks, part.weights, part.dedicated, counts[p]);
            int n = 0;
            for (var g : grids) {
                Grid grid = new Grid();
                grid.id = d.grids.size() + 1;
                grid.community = part.community;
                grid.name = "第" + ChineseNumerals.of(++n) + "网格";
                grid.code = part.community.code + String.format(Locale.ROOT, "%03d", n);
                grid.polygon = g.polygon();
                for (int i : g.blocks()) {
                    Block b = part.matched.get(i);
                    grid.blocks.add(b);
                    b.grid = grid;
                    grid.households += b.households;
                }
                if (g.dedicated()) {
                    grid.dedicatedTo = grid.blocks.get(0).use == Use.OFFICE ? "office_building" : "market";
                }
                staff(grid);
                d.grids.add(grid);
            }
        }
    }

    /**
     * Grids per community: its dedicated grids, and the rest of the district's count shared by
     * households (at least one each, largest remainders first, no more than it has blocks).
     */
    private static int[] counts(List<Parts> parts, int total) {
        int n = parts.size();
        int dedicated = parts.stream().mapToInt(p -> p.dedicated.size()).sum();
        double[] w = new double[n];
        int[] min = new int[n];
        int[] max = new int[n];
        for (int i = 0; i < n; i++) {
            w[i] = Arrays.stream(parts.get(i).weights).sum();
            min[i] = 1;
            max[i] = parts.get(i).blocks.size() - parts.get(i).dedicated.size();
        }
        int[] k = Apportionment.share(total - dedicated, w, min, max);
        for (int i = 0; i < n; i++) {
            k[i] += parts.get(i).dedicated.size();
        }
        return k;
    }

    /** The grid leader (the branch secretary), a grid worker and a building head, all fictitious. */
    private void staff(Grid g) {
        int born = 1962 + rnd.nextInt(30);
        g.leaderName = people.name(rnd, rnd.nextDouble() < 0.45, born);
        g.leaderPhone = People.mobile(rnd);
        String worker = people.name(rnd, rnd.nextDouble() < 0.4, 1975 + rnd.nextInt(25));
        String head = people.name(rnd, rnd.nextDouble() < 0.5, 1950 + rnd.nextInt(20));
        g.contacts = "[{\"role\": \"专职网格员\", \"name\": \"" + worker + "\", \"phone\": \"" + People.mobile(rnd) + "\"}, "
                + "{\"role\": \"楼栋长\", \"name\": \"" + head + "\", \"phone\": \"" + People.landline(rnd) + "\"}]";
    }
}
