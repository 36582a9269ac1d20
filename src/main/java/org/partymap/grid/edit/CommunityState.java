package org.partymap.grid.edit;

import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;

/** A community and its grids as stored now: what an edit is resolved against. */
public record CommunityState(int id, String code, String name, int subdistrictId, Geometry geom, List<GridState> grids) {

    public CommunityState {
        grids = List.copyOf(grids);
    }

    public Optional<GridState> grid(int id) {
        return grids.stream().filter(g -> g.id() == id).findFirst();
    }

    /** The grid, or a 422 naming it as not of this community. */
    GridState require(int id) {
        return grid(id).orElseThrow(() -> new EditRefused(Finding.of("not-in-community",
                "网格 " + id + " 不属于" + name + " (grid " + id + " is not a grid of this community)")));
    }

    /** The same community with some grids in another state (a conflict's "mine": the edit against the versions it was based on). */
    CommunityState with(List<GridState> replaced) {
        var out = new java.util.ArrayList<GridState>();
        for (GridState g : grids) {
            out.add(replaced.stream().filter(r -> r.id() == g.id()).findFirst().orElse(g));
        }
        return new CommunityState(id, code, name, subdistrictId, geom, out);
    }
}
