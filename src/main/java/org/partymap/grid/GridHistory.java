package org.partymap.grid;

import java.sql.Connection;
import java.sql.SQLException;
import org.partymap.db.Sql;

/** Writes the current state of a grid into {@code grid_version}: every save calls this once per grid it changes. */
public final class GridHistory {

    private static final String SNAPSHOT = """
            INSERT INTO grid_version (grid_id, grid_code, version, operation, reason, attributes, geom, changed_by, change_id)
            SELECT id, code, version, ?, ?,
                   jsonb_build_object('name', name, 'kind', kind, 'dedicated_to', dedicated_to,
                       'branch_name', branch_name, 'leader_name', leader_name, 'leader_phone', leader_phone,
                       'contacts', contacts, 'duties', to_jsonb(duties), 'community_id', community_id,
                       'station_id', station_id),
                   geom, ?, ?
              FROM grid WHERE id = ?""";

    private GridHistory() {
    }

    /**
     * @param operation one of the operations allowed by {@code grid_version.operation}
     * @param reason    why, in the words of whoever saved it
     */
    public static void record(Connection c, int gridId, String operation, String reason, String changedBy) throws SQLException {
        record(c, gridId, operation, reason, changedBy, null);
    }

    /** As {@link #record(Connection, int, String, String, String)}, as part of a planner's edit ({@code grid_change.id}). */
    public static void record(Connection c, int gridId, String operation, String reason, String changedBy, Long changeId)
            throws SQLException {
        Sql.update(c, SNAPSHOT, operation, reason, changedBy, changeId, gridId);
    }
}
