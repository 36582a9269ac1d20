package org.partymap.consult;

import java.util.Optional;
import javax.sql.DataSource;
import org.partymap.db.Sql;

/** Where a grid, community or subdistrict lies, for scope checks: its community and subdistrict. */
final class Areas {

    private static final String PLACE = """
            SELECT coalesce(g.community_id, c.id), coalesce(gc.subdistrict_id, c.subdistrict_id, s.id)
              FROM (SELECT ?::int AS grid, ?::int AS community, ?::int AS subdistrict) a
              LEFT JOIN grid g ON g.id = a.grid
              LEFT JOIN community gc ON gc.id = g.community_id
              LEFT JOIN community c ON c.id = a.community
              LEFT JOIN subdistrict s ON s.id = a.subdistrict
             WHERE g.id IS NOT NULL OR c.id IS NOT NULL OR s.id IS NOT NULL""";

    /** @param community null for a subdistrict */
    record Place(Integer community, int subdistrict) {
    }

    private Areas() {
    }

    static Optional<Place> of(DataSource ds, ConsultStats.Area area) {
        return Sql.one(ds, PLACE, rs -> new Place((Integer) rs.getObject(1), rs.getInt(2)), area.grid(), area.community(), area.subdistrict());
    }
}
