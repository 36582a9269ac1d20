package org.partymap.demo;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.partymap.demo.District.Block;
import org.partymap.demo.District.Use;

/**
 * Decides what each block is used for, by where it lies: lanes and courtyard houses with 1980s
 * estates in the old town, office towers round the business district, factories in the
 * industrial south-east, estates old and new everywhere else (older towards the centre, villas,
 * resettlement estates, fields and land waiting to be built on towards the edge), with schools,
 * clinics, parks and markets among them. Blocks in the canal are green banks; slivers are small parks.
 */
final class LandUsePlanner {

    private final CityZones zones;
    private final SplittableRandom rnd;
    private int offices;
    private int markets;

    /**
     * @param offices how many office blocks at most (each becomes a dedicated grid)
     * @param markets how many market blocks at most (likewise)
     */
    LandUsePlanner(CityZones zones, SplittableRandom rnd, int offices, int markets) {
        this.zones = zones;
        this.rnd = rnd;
        this.offices = offices;
        this.markets = markets;
    }

    void plan(District d) {
        var water = d.canal;
        for (Block b : d.blocks) {
            double x = LocalPlane.x(b.interior.x);
            double y = LocalPlane.y(b.interior.y);
            if (b.polygon.intersects(water) && b.polygon.intersection(water).getArea() > 0.1 * b.polygon.getArea()) {
                b.use = Use.WATER;
            } else if (b.areaM2 < 5000) {
                b.use = Use.PARK;
            } else {
                b.use = choose(weights(x, y), b.areaM2);
            }
        }
    }

    private Map<Use, Double> weights(double x, double y) {
        var w = new EnumMap<Use, Double>(Use.class);
        double u = zones.urbanity(x, y);
        if (zones.oldTown(x, y)) {
            w.put(Use.OLD_TOWN, 58.0);
            w.put(Use.OLD_ESTATE, 18.0);
            w.put(Use.COMMERCIAL, 6.0);
            w.put(Use.INSTITUTION, 4.0);
            w.put(Use.SCHOOL, 4.0);
            w.put(Use.MARKET, 4.0);
            w.put(Use.HEALTH, 2.0);
            w.put(Use.PARK, 4.0);
        } else if (zones.fromCbd(x, y) < 1100) {
            w.put(Use.OFFICE, 30.0);
            w.put(Use.COMMERCIAL, 12.0);
            w.put(Use.INSTITUTION, 8.0);
            w.put(Use.NEW_ESTATE, 24.0);
            w.put(Use.OLD_ESTATE, 6.0);
            w.put(Use.VACANT, 4.0);
            w.put(Use.MARKET, 4.0);
            w.put(Use.SCHOOL, 4.0);
            w.put(Use.PARK, 6.0);
            w.put(Use.HEALTH, 2.0);
        } else if (zones.fromIndustry(x, y) < 1800) {
            w.put(Use.FACTORY, 55.0);
            w.put(Use.RESETTLEMENT, 10.0);
            w.put(Use.FARMLAND, 14.0);
            w.put(Use.VACANT, 8.0);
            w.put(Use.NEW_ESTATE, 6.0);
            w.put(Use.PARK, 5.0);
            w.put(Use.MARKET, 2.0);
        } else {
            w.put(Use.OLD_ESTATE, 4 + 18 * u * u);
            w.put(Use.NEW_ESTATE, 10 + 6 * u);
            w.put(Use.VILLA, 4 * (1 - u));
            w.put(Use.RESETTLEMENT, 6 * (1 - u));
            w.put(Use.COMMERCIAL, 2 + 8 * u);
            w.put(Use.INSTITUTION, 3 + 6 * u);
            w.put(Use.SCHOOL, 7.0);
            w.put(Use.HEALTH, 2.0);
            w.put(Use.PARK, 7.0);
            w.put(Use.MARKET, 2.5);
            w.put(Use.OFFICE, 2.0);
            w.put(Use.FARMLAND, 35 * (1 - u) * (1 - u) * (1 - u));
            w.put(Use.FACTORY, 10 * (1 - u) * (1 - u));
            w.put(Use.VACANT, 10 * (1 - u));
        }
        return w;
    }

    private Use choose(Map<Use, Double> weights, double area) {
        double total = 0;
        for (double v : weights.values()) {
            total += v;
        }
        double r = rnd.nextDouble(total);
        Use chosen = Use.NEW_ESTATE;
        for (var e : weights.entrySet()) {
            r -= e.getValue();
            if (r < 0) {
                chosen = e.getKey();
                break;
            }
        }
        boolean fitsDedicated = area >= 8000 && area <= 70000;
        if (chosen == Use.OFFICE) {
            if (offices > 0 && fitsDedicated) {
                offices--;
            } else {
                chosen = Use.INSTITUTION;
            }
        } else if (chosen == Use.MARKET) {
            if (markets > 0 && fitsDedicated) {
                markets--;
            } else {
                chosen = Use.COMMERCIAL;
            }
        }
        return chosen;
    }
}
