package org.partymap.activity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.partymap.auth.AuditLog;
import org.partymap.db.Sql;

/** The SQL of 服务项目. Every write is audited in its own transaction; the statement trigger of V12 raises the layer version. */
public final class ServiceProjectRepository {

    private static final String OF_COMMUNITY = """
            SELECT p.id, p.community_id, p.name, p.description, p.audience, p.contact,
                   s.id AS station_id, s.name AS station_name, s.kind AS station_kind, s.address AS station_address
              FROM service_project p LEFT JOIN station s ON s.id = p.station_id
             WHERE p.community_id = ? AND p.deleted_at IS NULL
             ORDER BY p.name, p.id""";

    private static final String ONE = """
            SELECT p.id, p.community_id, p.name, p.description, p.audience, p.contact,
                   s.id AS station_id, s.name AS station_name, s.kind AS station_kind, s.address AS station_address
              FROM service_project p LEFT JOIN station s ON s.id = p.station_id
             WHERE p.id = ? AND p.deleted_at IS NULL""";

    private static final String INSERT = """
            INSERT INTO service_project (community_id, name, description, audience, station_id, contact, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (community_id, name) WHERE deleted_at IS NULL DO NOTHING
            RETURNING id""";

    private static final String NAME_TAKEN = "SELECT 1 FROM service_project WHERE community_id = ? AND name = ? AND id <> ? AND deleted_at IS NULL";

    private static final String UPDATE = """
            UPDATE service_project SET name = ?, description = ?, audience = ?, station_id = ?, contact = ?,
                                       updated_at = greatest(?, created_at)
             WHERE id = ? AND deleted_at IS NULL""";

    /** A project's community, deleted or not: who may delete it (again). */
    private static final String COMMUNITY_OF = "SELECT community_id FROM service_project WHERE id = ?";

    private static final String DELETE = "UPDATE service_project SET deleted_at = greatest(?, created_at) WHERE id = ? AND deleted_at IS NULL";

    /** A project: {@code station} null when no post runs it. */
    public record Project(int id, int communityId, String name, String description, String audience, String contact,
                          ActivityJson.Station station) {
    }

    private final DataSource ds;

    public ServiceProjectRepository(DataSource ds) {
        this.ds = ds;
    }

    public List<Project> ofCommunity(int communityId) {
        return Sql.list(ds, OF_COMMUNITY, ServiceProjectRepository::project, communityId);
    }

    public Optional<Project> find(int id) {
        return Sql.one(ds, ONE, ServiceProjectRepository::project, id);
    }

    /** Adds a project; empty when the community has one of that name already. */
    public Optional<Integer> add(Project p, Instant at, AuditLog.Actor actor) {
        return Sql.transaction(ds, c -> {
            var id = Sql.one(c, INSERT, rs -> rs.getInt(1), p.communityId(), p.name(), p.description(), p.audience(),
                    p.station() == null ? null : p.station().id(), p.contact(), ts(at), ts(at));
            if (id.isPresent()) {
                AuditLog.record(c, actor, "service_project_add", "service_project", id.get(),
                        Map.of("community", p.communityId(), "name", p.name()));
            }
            return id;
        });
    }

    /** Changes a project; false when another of the community has the new name. */
    public boolean change(Project p, Instant at, AuditLog.Actor actor) {
        return Sql.transaction(ds, c -> {
            if (Sql.one(c, NAME_TAKEN, rs -> 1, p.communityId(), p.name(), p.id()).isPresent()) {
                return false;
            }
            Sql.update(c, UPDATE, p.name(), p.description(), p.audience(), p.station() == null ? null : p.station().id(),
                    p.contact(), ts(at), p.id());
            AuditLog.record(c, actor, "service_project_change", "service_project", p.id(), Map.of("name", p.name()));
            return true;
        });
    }

    /** The community of a project, deleted ones included. */
    public Optional<Integer> communityOf(int id) {
        return Sql.one(ds, COMMUNITY_OF, rs -> rs.getInt(1), id);
    }

    /** Deletes a project; false when it was deleted already (nothing changes, nothing is recorded). */
    public boolean delete(int id, Instant at, AuditLog.Actor actor) {
        return Sql.transaction(ds, c -> {
            int rows = Sql.update(c, DELETE, ts(at), id);
            if (rows == 1) {
                AuditLog.record(c, actor, "service_project_delete", "service_project", id, null);
            }
            return rows == 1;
        });
    }

    private static Project project(ResultSet rs) throws SQLException {
        Object station = rs.getObject("station_id");
        return new Project(rs.getInt("id"), rs.getInt("community_id"), rs.getString("name"), rs.getString("description"),
                rs.getString("audience"), rs.getString("contact"), station == null ? null
                : new ActivityJson.Station(((Number) station).intValue(), rs.getString("station_name"), rs.getString("station_kind"),
                        rs.getString("station_address")));
    }

    private static OffsetDateTime ts(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
