package org.partymap.geocode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Roads as the gazetteer holds them: the segments of one name put together, checked against the
 * road's own standard addresses, and the distance of doors from centre lines measured over all.
 */
final class RoadAssembler {

    private RoadAssembler() {
    }

    /** The median distance of standard addresses from their street's centre line, where they lie near it. */
    static double sideOffset(List<Places.Address> addresses, Map<String, List<Places.Segment>> roadSegments) {
        var distances = new ArrayList<Double>();
        for (Places.Address a : addresses) {
            List<Places.Segment> segs = a.road() == null ? null : roadSegments.get(a.road());
            if (segs == null) {
                continue;
            }
            double d = segs.stream().mapToDouble(s -> StreetInterpolator.distanceTo(s.coordinates(), a.lon(), a.lat())).min().orElse(1e9);
            if (d < 80) {
                distances.add(d);
            }
        }
        if (distances.size() < 10) {
            return GazetteerBuilder.DEFAULT_SIDE_OFFSET;
        }
        distances.sort(Comparator.naturalOrder());
        return distances.get(distances.size() / 2);
    }

    /** A road's name without its generic ending (路, 街, 大道 …) when two characters remain: 人民路 → 人民. */
    static String core(String key) {
        for (String suffix : List.of("大道", "大街", "路", "街", "巷", "弄")) {
            if (key.endsWith(suffix) && key.length() - suffix.length() >= 2) {
                return key.substring(0, key.length() - suffix.length());
            }
        }
        return key;
    }

    /**
     * A road from its segments and its own standard addresses: a point near its middle, its length,
     * and how far interpolation on it lands from those addresses (the 90th percentile).
     */
    static Road road(String key, String name, List<Places.Segment> segs, List<Places.Address> own, double sideOffset,
                     BiFunction<Double, Double, GridRef> gridAt) {
        double length = 0;
        double cx = 0;
        double cy = 0;
        for (Places.Segment s : segs) {
            double[] mid = StreetInterpolator.along(s.coordinates(), 0.5, 0);
            double len = StreetInterpolator.length(s.coordinates());
            length += len;
            cx += mid[0] * len;
            cy += mid[1] * len;
        }
        double[] point;
        if (segs.isEmpty()) {
            point = new double[] {own.stream().mapToDouble(Places.Address::lon).average().orElse(0),
                    own.stream().mapToDouble(Places.Address::lat).average().orElse(0)};
        } else {
            double mx = length > 0 ? cx / length : segs.get(0).coordinates()[0];
            double my = length > 0 ? cy / length : segs.get(0).coordinates()[1];
            Places.Segment nearest = segs.stream()
                    .min(Comparator.comparingDouble(s -> StreetInterpolator.distanceTo(s.coordinates(), mx, my))).orElseThrow();
            point = StreetInterpolator.along(nearest.coordinates(), 0.5, 0);
        }
        var errors = new ArrayList<Double>();
        for (Places.Address a : own) {
            if (a.houseNumber() == null || !GazetteerBuilder.PLAIN_NUMBER.matcher(a.houseNumber()).matches()) {
                continue;
            }
            int n = Integer.parseInt(a.houseNumber());
            double best = Double.NaN;
            for (Places.Segment s : segs) {
                double[] p = StreetInterpolator.locate(s, n, sideOffset);
                if (p != null) {
                    double d = Metres.distance(p[0], p[1], a.lon(), a.lat());
                    best = Double.isNaN(best) ? d : Math.min(best, d);
                }
            }
            if (!Double.isNaN(best)) {
                errors.add(best);
            }
        }
        errors.sort(Comparator.naturalOrder());
        double p90 = errors.isEmpty() ? Double.NaN : errors.get((int) Math.floor(0.9 * (errors.size() - 1)));
        return new Road(key, name, List.copyOf(segs), point[0], point[1], gridAt.apply(point[0], point[1]), length,
                errors.size(), p90);
    }
}
