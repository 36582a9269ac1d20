package org.partymap.health;

import io.javalin.http.Context;
import javax.sql.DataSource;
import org.partymap.db.Sql;
import org.partymap.http.ApiException;
import org.partymap.http.Responses;

/**
 * {@code GET /api/health}: whether the database answers, its versions, the schema version and
 * the row count of each public layer. 503 when the database does not answer.
 */
public final class HealthController {

    private static final String HEALTH = """
            SELECT json_build_object(
                     'status', 'ok',
                     'database', json_build_object(
                         'reachable', true,
                         'server', current_setting('server_version'),
                         'postgis', (SELECT extversion FROM pg_extension WHERE extname = 'postgis'),
                         'pgrouting', (SELECT extversion FROM pg_extension WHERE extname = 'pgrouting'),
                         'pg_trgm', (SELECT extversion FROM pg_extension WHERE extname = 'pg_trgm'),
                         'schema_version', (SELECT version FROM flyway_schema_history
                                             WHERE success ORDER BY installed_rank DESC LIMIT 1)),
                     'layers', json_build_object(
                         'subdistricts', (SELECT count(*) FROM subdistrict),
                         'communities', (SELECT count(*) FROM community),
                         'grids', (SELECT count(*) FROM grid),
                         'party_groups', (SELECT count(*) FROM party_group),
                         'streets', (SELECT count(*) FROM street),
                         'estates', (SELECT count(*) FROM estate),
                         'buildings', (SELECT count(*) FROM building),
                         'addresses', (SELECT count(*) FROM address),
                         'stations', (SELECT count(*) FROM station)))::text""";

    private final DataSource ds;

    public HealthController(DataSource ds) {
        this.ds = ds;
    }

    public void health(Context ctx) {
        String body;
        try {
            body = Sql.text(ds, HEALTH).orElseThrow();
        } catch (Sql.DataAccessException e) {
            throw new ApiException(503, "database-unavailable", "Service unavailable",
                    "the database does not answer: " + e.getMessage());
        }
        ctx.header("Cache-Control", "no-store");
        Responses.json(ctx, body);
    }
}
