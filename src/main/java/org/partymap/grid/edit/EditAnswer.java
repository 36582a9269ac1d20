package org.partymap.grid.edit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The answer to a preview or a save, as JSON: the grids touched (their new shape, code, version,
 * entity tag and counts before and after), what moves between them (addresses, buildings,
 * stations and party groups listed; residents counted), the flows per pair of grids, the
 * warnings. Residents appear only as counts.
 */
public final class EditAnswer {

    /** At most this many addresses (and buildings) are listed; all are counted. */
    static final int MAX_LISTED = 500;

    private EditAnswer() {
    }

    public static ObjectNode of(GridEditService.Result r) {
        ObjectNode out = GeoJson.JSON.createObjectNode();
        Outcome o = r.outcome();
        out.put("operation", o.operation());
        ObjectNode community = out.putObject("community");
        community.put("id", o.community().id());
        community.put("code", o.community().code());
        community.put("name", o.community().name());
        out.put("valid", true);
        if (r.changeId() != null) {
            out.put("change", r.changeId());
        }
        out.set("warnings", Refusals.findings(r.warnings()));
        out.set("grids", grids(r));
        ObjectNode moves = out.putObject("moves");
        moves.set("addresses", listed(r.impact().addresses(), true));
        moves.set("buildings", listed(r.impact().buildings(), false));
        moves.set("stations", listed(r.impact().stations(), false));
        moves.set("party_groups", listed(r.impact().partyGroups(), false));
        moves.putObject("residents").put("count", r.impact().residentCount());
        out.set("flows", flows(r.impact()));
        return out;
    }

    /** Counts only, for {@code grid_change.summary}. */
    public static ObjectNode summary(GridEditService.Result r) {
        ObjectNode out = GeoJson.JSON.createObjectNode();
        Impact i = r.impact();
        out.put("addresses", i.addresses().size());
        out.put("households", i.households());
        out.put("buildings", i.buildings().size());
        out.put("stations", i.stations().size());
        out.put("party_groups", i.partyGroups().size());
        out.put("residents", i.residentCount());
        ArrayNode grids = out.putArray("grids");
        for (Outcome.Change ch : r.outcome().changes()) {
            ObjectNode g = grids.addObject();
            g.put("id", r.ids().get(ch.key()));
            g.put("code", ch.gridCode());
            g.put("name", ch.attributes().name());
            g.put("change", kind(ch));
        }
        out.set("flows", flows(i));
        return out;
    }

    /** The properties every grid feature of the planner answers carries. */
    static ObjectNode gridProperties(int id, String code, String name, Integer version) {
        ObjectNode p = GeoJson.JSON.createObjectNode();
        p.put("id", id);
        p.put("code", code);
        p.put("name", name);
        if (version != null) {
            p.put("version", version);
            p.put("etag", BaseVersions.etag(id, version));
        }
        return p;
    }

    private static ObjectNode grids(GridEditService.Result r) {
        var features = GeoJson.JSON.createArrayNode();
        for (Outcome.Change ch : r.outcome().changes()) {
            int id = r.ids().get(ch.key());
            ObjectNode p = gridProperties(id, ch.gridCode(), ch.attributes().name(), r.versions().get(id));
            p.put("change", kind(ch));
            p.put("geometry_changed", ch.geometryChanged());
            p.put("attributes_changed", ch.attributesChanged());
            if (ch.isRetired()) {
                p.put("absorbed_by", r.ids().get(ch.absorbedBy()));
            }
            p.set("before", counts(r.before().get(id)));
            p.set("after", counts(r.after().get(id)));
            features.add(GeoJson.feature(id, ch.after(), p));
        }
        return GeoJson.collection(features);
    }

    private static String kind(Outcome.Change ch) {
        return ch.isRetired() ? "retired" : ch.isRestored() ? "restored" : ch.isCreated() ? "created" : "updated";
    }

    private static ObjectNode counts(GridEditService.Counts c) {
        if (c == null) {
            return null;
        }
        ObjectNode o = GeoJson.JSON.createObjectNode();
        o.put("households", c.households());
        o.put("addresses", c.addresses());
        o.put("residents", c.residents());
        o.put("buildings", c.buildings());
        o.put("party_groups", c.partyGroups());
        o.put("stations", c.stations());
        return o;
    }

    private static ObjectNode listed(List<Impact.Moved> moved, boolean households) {
        ObjectNode o = GeoJson.JSON.createObjectNode();
        o.put("count", moved.size());
        if (households) {
            o.put("households", moved.stream().mapToLong(Impact.Moved::households).sum());
        }
        ArrayNode items = o.putArray("items");
        for (Impact.Moved m : moved.subList(0, Math.min(MAX_LISTED, moved.size()))) {
            ObjectNode i = items.addObject();
            i.put("id", m.id());
            i.put("name", m.label());
            if (households) {
                i.put("households", m.households());
            }
            putGrid(i, "from", m.from());
            putGrid(i, "to", m.to());
        }
        o.put("truncated", moved.size() > MAX_LISTED);
        return o;
    }

    /** One line per pair of grids: how much goes from the one to the other. */
    private static ArrayNode flows(Impact i) {
        Map<List<Integer>, long[]> pairs = new LinkedHashMap<>();
        add(pairs, i.addresses(), 0, true);
        add(pairs, i.buildings(), 2, false);
        add(pairs, i.stations(), 4, false);
        add(pairs, i.partyGroups(), 5, false);
        for (Impact.Flow f : i.residents()) {
            pairs.computeIfAbsent(pair(f.from(), f.to()), k -> new long[6])[3] += f.count();
        }
        var out = GeoJson.JSON.createArrayNode();
        pairs.forEach((k, v) -> {
            ObjectNode o = out.addObject();
            putGrid(o, "from", k.get(0));
            putGrid(o, "to", k.get(1));
            o.put("addresses", v[0]);
            o.put("households", v[1]);
            o.put("buildings", v[2]);
            o.put("residents", v[3]);
            o.put("stations", v[4]);
            o.put("party_groups", v[5]);
        });
        return out;
    }

    private static void add(Map<List<Integer>, long[]> pairs, List<Impact.Moved> moved, int slot, boolean households) {
        for (Impact.Moved m : moved) {
            long[] v = pairs.computeIfAbsent(pair(m.from(), m.to()), k -> new long[6]);
            v[slot]++;
            if (households) {
                v[1] += m.households();
            }
        }
    }

    private static List<Integer> pair(Integer from, Integer to) {
        var l = new ArrayList<Integer>(2);
        l.add(from);
        l.add(to);
        return l;
    }

    private static void putGrid(ObjectNode o, String name, Integer grid) {
        if (grid == null) {
            o.putNull(name);
        } else {
            o.put(name, grid);
        }
    }

    static boolean same(Integer a, Integer b) {
        return Objects.equals(a, b);
    }
}
