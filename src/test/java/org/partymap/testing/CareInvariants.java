package org.partymap.testing;

import java.util.List;
import javax.sql.DataSource;
import org.partymap.db.Sql;

/** What every stored 走访 visit keeps, checked after each test that writes visits. */
public final class CareInvariants {

    private CareInvariants() {
    }

    /**
     * Every visit sits in its resident's household (the resident's grid and address text), under a
     * client key of its own, on a day no later than the Shanghai day it was stored. Each entry
     * names a visit and what is wrong; empty when nothing is.
     */
    public static List<String> broken(DataSource ds) {
        var wrong = Sql.list(ds, """
                SELECT v.id || ': ' || concat_ws(', ',
                         CASE WHEN v.grid_id IS DISTINCT FROM r.grid_id THEN 'grid ' || v.grid_id || ' is not its resident''s ' || coalesce(r.grid_id::text, 'none') END,
                         CASE WHEN v.address_text <> r.address_text THEN 'address is not its resident''s' END,
                         CASE WHEN v.visited_on > (v.recorded_at AT TIME ZONE 'Asia/Shanghai')::date THEN 'visited after it was stored' END)
                  FROM care_visit v JOIN resident r ON r.id = v.resident_id""", rs -> rs.getString(1));
        var out = new java.util.ArrayList<>(wrong.stream().filter(s -> !s.endsWith(": ")).toList());
        Sql.one(ds, "SELECT count(*) - count(DISTINCT client_key) FROM care_visit", rs -> rs.getLong(1))
                .filter(n -> n != 0).ifPresent(n -> out.add(n + " visits share a client key"));
        return out;
    }
}
