package org.partymap.demo;

import java.util.SplittableRandom;

/**
 * Grows the demo district in memory, phase by phase, each phase a class of its own: the street
 * network, its blocks, what stands on them, the subdistricts and communities, names and
 * addresses, the grids, the party groups and the stations. Every phase draws from a random
 * generator of its own, seeded from {@code district.properties}, so that changing one phase leaves
 * the others' choices alone, and the same inputs give the same district on every machine.
 */
final class DemoGenerator {

    static final int PHASES = 8;

    private final DemoInputs inputs;
    private final Progress progress;

    DemoGenerator(DemoInputs inputs, Progress progress) {
        this.inputs = inputs;
        this.progress = progress;
    }

    /** A generator for one phase, from the district's seed. */
    static SplittableRandom random(DemoInputs inputs, int phase) {
        return new SplittableRandom(inputs.seed() * 0x9E3779B97F4A7C15L + phase);
    }

    private SplittableRandom random(int phase) {
        return random(inputs, phase);
    }

    District generate() {
        var d = new District();
        var zones = new CityZones(inputs);
        var people = new People(inputs);
        progress.phase("street network", () -> {
            var plan = new StreetPlanner(inputs, zones, random(1)).plan();
            d.network = StreetNetwork.build(plan);
            d.canal = LocalPlane.toLonLat(plan.canal().intersection(demoArea()));
            d.canalName = plan.canalName();
        }, () -> Progress.count(d.network.lines.size(), "streets, ") + Progress.count(d.network.segments.size(), "segments"));
        progress.phase("blocks", () -> CityBlocks.build(d), () -> Progress.count(d.blocks.size(), "blocks"));
        progress.phase("land use and buildings", () -> {
            new LandUsePlanner(zones, random(2), 16, 12).plan(d);
            new SiteBuilder(d, zones, random(3)).build();
        }, () -> Progress.count(d.sites.size(), "sites, ") + Progress.count(d.buildings.size(), "buildings, ")
                + Progress.count(d.blocks.stream().mapToInt(b -> b.households).sum(), "households"));
        progress.phase("subdistricts, communities", () -> new AreaBuilder(d, inputs).build(),
                () -> Progress.count(d.subdistricts.size(), "subdistricts, ") + Progress.count(d.communities.size(), "communities"));
        progress.phase("names and addresses", () -> {
            new Naming(d, inputs, random(4)).nameAll();
            Addressing.write(d);
        }, () -> Progress.count(d.addresses.size(), "standard addresses"));
        progress.phase("grids", () -> new GridBuilder(d, inputs, people, random(5)).build(),
                () -> Progress.count(d.grids.size(), "grids, ") + Progress.count(d.grids.stream().filter(g -> g.dedicatedTo != null).count(),
                        "dedicated"));
        progress.phase("party groups", () -> new PartyGroupBuilder(d, people, random(6)).build(inputs.integer("party_groups")),
                () -> Progress.count(d.partyGroups.size(), "party groups, ") + Progress.count(d.memberHouseholds.size(), "member households"));
        progress.phase("stations", () -> new StationBuilder(d, inputs, random(7)).build(),
                () -> Progress.count(d.stations.size(), "stations"));
        return d;
    }

    /** The rectangle the demo covers: lon 120.10-120.22, lat 33.33-33.43, in metres. */
    static org.locationtech.jts.geom.Geometry demoArea() {
        return LocalPlane.METRES.toGeometry(new org.locationtech.jts.geom.Envelope(
                LocalPlane.x(120.10), LocalPlane.x(120.22), LocalPlane.y(33.33), LocalPlane.y(33.43)));
    }
}
