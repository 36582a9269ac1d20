package org.partymap.grid.edit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;

/**
 * What an edit does to a community's grids: the grids it changes, creates and retires, each with
 * its new shape and attributes. Grids not named here stay as they are.
 *
 * @param operation the edit's kind ({@code grid_change.operation})
 * @param community the community as it was before
 * @param changes   one per grid touched
 */
public record Outcome(String operation, CommunityState community, List<Change> changes) {

    public Outcome {
        changes = List.copyOf(changes);
    }

    /**
     * One grid touched by an edit.
     *
     * @param key        the grid's id; a negative number for a grid the edit creates
     * @param before     the grid as it is now; null when the edit creates it (or restores a retired one)
     * @param after      its new shape (lon/lat, rounded to 7 decimals); null when the edit retires it
     * @param attributes its attributes after the edit
     * @param absorbedBy for a retired grid: the key of the grid that takes over its households,
     *                   party groups and stations where no shape decides (a resident without a point)
     * @param origin     for a created grid: the key of the grid it was cut from, whose grid workers serve it too
     * @param code       for a created grid: the code it will get (the community's next, never one used
     *                   before); for a grid restored by a revert: its own code
     * @param baseVersion for a restored grid: the version of its retirement, which the save must name
     */
    public record Change(int key, GridState before, Geometry after, GridAttributes attributes, Integer absorbedBy,
                         Integer origin, String code, Integer baseVersion) {

        static Change updated(GridState before, Geometry after, GridAttributes attributes) {
            return new Change(before.id(), before, after, attributes, null, null, null, null);
        }

        static Change retired(GridState before, int absorbedBy) {
            return new Change(before.id(), before, null, before.attributes(), absorbedBy, null, null, null);
        }

        static Change created(int key, String code, Geometry after, GridAttributes attributes, Integer origin) {
            return new Change(key, null, after, attributes, null, origin, code, null);
        }

        static Change restored(int id, String code, int retiredVersion, Geometry after, GridAttributes attributes) {
            return new Change(id, null, after, attributes, null, null, code, retiredVersion);
        }

        public boolean isCreated() {
            return before == null;
        }

        public boolean isRetired() {
            return after == null;
        }

        public boolean isRestored() {
            return before == null && baseVersion != null;
        }

        public boolean geometryChanged() {
            return before == null || after == null || !Shapes.same(before.geom(), after);
        }

        public boolean attributesChanged() {
            return before == null || !before.attributes().equals(attributes);
        }

        /** The grid's code, now or as it will be. */
        public String gridCode() {
            return before != null ? before.code() : code;
        }
    }

    /** Every grid of the community after the edit (retired ones left out, created ones in), by key. */
    public Map<Integer, Geometry> after() {
        var out = new LinkedHashMap<Integer, Geometry>();
        for (GridState g : community.grids()) {
            out.put(g.id(), g.geom());
        }
        for (Change c : changes) {
            if (c.isRetired()) {
                out.remove(c.key());
            } else {
                out.put(c.key(), c.after());
            }
        }
        return out;
    }

    public Optional<Change> change(int key) {
        return changes.stream().filter(c -> c.key() == key).findFirst();
    }

    /** The name of a grid by key, before or after the edit, for messages. */
    String nameOf(int key) {
        return change(key).map(c -> c.attributes().name())
                .or(() -> community.grid(key).map(g -> g.attributes().name()))
                .orElse("网格 " + key);
    }
}
