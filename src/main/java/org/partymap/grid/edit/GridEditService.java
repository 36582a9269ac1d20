package org.partymap.grid.edit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.partymap.auth.AuditLog;
import org.partymap.auth.User;
import org.partymap.db.Sql;
import org.partymap.http.ApiException;

/**
 * Previews and saves planners' edits. Both run the same steps in one transaction — lock the
 * community, resolve the edit against its grids, check the versions it was based on, validate,
 * apply (write the grids, reassign everything in the affected area) — and a preview then rolls
 * back, so that what it shows is exactly what a save would do. A save also writes the change, a
 * version of every grid it touched and an audit entry, and commits.
 */
public final class GridEditService {

    /** A grid's workload: what it holds (residents only counted). */
    public record Counts(long households, long addresses, long residents, long buildings, long partyGroups, long stations) {
    }

    /**
     * What an edit does.
     *
     * @param ids      the id of every grid touched, by the outcome's key (a preview's new grids keep their keys)
     * @param versions the version each touched grid has after the edit, by id
     * @param before   counts of the touched grids before the edit, by id
     * @param after    counts of the touched grids that remain, by id (keys of new grids in a preview)
     * @param changeId the saved change; null for a preview
     */
    public record Result(Outcome outcome, List<Finding> warnings, Impact impact, Map<Integer, Integer> ids,
                         Map<Integer, Integer> versions, Map<Integer, Counts> before, Map<Integer, Counts> after, Long changeId) {
    }

    private static final String SUBDISTRICT_OF_COMMUNITY = "SELECT subdistrict_id FROM community WHERE id = ?";
    private static final String COUNTS = """
            SELECT g.id,
                   (SELECT coalesce(sum(a.households), 0) FROM address a WHERE a.grid_id = g.id),
                   (SELECT count(*) FROM address a WHERE a.grid_id = g.id),
                   (SELECT count(*) FROM resident r WHERE r.grid_id = g.id),
                   (SELECT count(*) FROM building b WHERE b.grid_id = g.id),
                   (SELECT count(*) FROM party_group p WHERE p.grid_id = g.id),
                   (SELECT count(*) FROM station s WHERE s.grid_id = g.id)
              FROM grid g WHERE g.id = ANY (?::int[])""";
    /** What lies inside land an edit leaves in no grid (points on its edge belong to the grid beside it). */
    private static final String ORPHANS = """
            SELECT 'address', count(*), ST_AsBinary(ST_Collect(geom)) FROM address WHERE ST_ContainsProperly(?::geometry, geom)
            UNION ALL SELECT 'building', count(*), ST_AsBinary(ST_Collect(point)) FROM building WHERE ST_ContainsProperly(?::geometry, point)
            UNION ALL SELECT 'station', count(*), ST_AsBinary(ST_Collect(geom)) FROM station WHERE ST_ContainsProperly(?::geometry, geom)
            UNION ALL SELECT 'resident', count(*), NULL FROM resident WHERE ST_ContainsProperly(?::geometry, geom)""";
    private static final String INSERT_CHANGE = """
            INSERT INTO grid_change (community_id, operation, reason, changed_by) VALUES (?, ?, ?, ?) RETURNING id""";
    private static final String CHANGE_SUMMARY = "UPDATE grid_change SET summary = ?::jsonb WHERE id = ?";

    private final DataSource ds;
    private final StreetBlocks blocks;
    private final GridCoverageValidator validator = new GridCoverageValidator();

    public GridEditService(DataSource ds, StreetBlocks blocks) {
        this.ds = ds;
        this.blocks = blocks;
    }

    /** What the edit would do, without doing it. */
    public Result preview(GridEdit edit, BaseVersions base, User user) {
        return Sql.rolledBack(ds, c -> run(c, edit, base, user, null));
    }

    /**
     * Saves the edit.
     *
     * @param reason why (1–500 characters), kept with every version it writes
     */
    public Result save(GridEdit edit, BaseVersions base, String reason, User user, AuditLog.Actor actor) {
        return Sql.transaction(ds, c -> run(c, edit, base, user, new Saving(reason, actor)));
    }

    private record Saving(String reason, AuditLog.Actor actor) {
    }

    private Result run(Connection c, GridEdit edit, BaseVersions base, User user, Saving saving) throws SQLException {
        int communityId = communityOf(c, edit);
        int subdistrict = Sql.one(c, SUBDISTRICT_OF_COMMUNITY, rs -> rs.getInt(1), communityId)
                .orElseThrow(() -> ApiException.notFound("community-not-found", "there is no community " + communityId));
        user.requireSubdistrict(subdistrict);
        CommunityState community = EditRepository.load(c, communityId, true).orElseThrow();
        EditContext context = EditRepository.context(c, community, blocks);
        var resolver = new EditResolver(context);
        var preconditions = new Preconditions(resolver, context);
        Outcome outcome;
        try {
            outcome = resolver.resolve(edit, community);
        } catch (EditRefused e) {
            preconditions.checkStale(c, edit, community, base);
            throw Refusals.of(e.findings(), List.of());
        }
        preconditions.check(c, edit, outcome, base, saving != null);
        GridCoverageValidator.Result validation = validator.validate(outcome);
        if (!validation.errors().isEmpty()) {
            preconditions.checkStale(c, edit, community, base);
            throw Refusals.of(validation.errors(), validation.warnings());
        }
        refuseOrphans(c, validation);
        var existing = outcome.changes().stream().filter(ch -> !ch.isCreated()).map(Outcome.Change::key).toList();
        Map<Integer, Counts> before = counts(c, existing);
        Long changeId = saving == null ? null
                : Sql.one(c, INSERT_CHANGE, rs -> rs.getLong(1), communityId, outcome.operation(), saving.reason(), user.username()).orElseThrow();
        var applied = EditWriter.apply(c, outcome, new EditWriter.Recording(changeId, saving == null ? null : saving.reason(), user.username()));
        var alive = new ArrayList<Integer>();
        var versions = new LinkedHashMap<Integer, Integer>();
        for (Outcome.Change ch : outcome.changes()) {
            if (!ch.isRetired()) {
                int id = applied.ids().get(ch.key());
                alive.add(id);
                versions.put(id, ch.isRestored() ? ch.baseVersion() + 1 : ch.isCreated() ? 1 : ch.before().version() + 1);
            }
        }
        Map<Integer, Counts> after = counts(c, alive);
        var ids = new LinkedHashMap<>(applied.ids());
        if (saving == null) {
            // a preview's new grids are shown under their keys: their ids were never committed
            outcome.changes().stream().filter(Outcome.Change::isCreated).filter(ch -> !ch.isRestored()).forEach(ch -> {
                int id = applied.ids().get(ch.key());
                after.put(ch.key(), after.remove(id));
                versions.put(ch.key(), versions.remove(id));
                ids.put(ch.key(), ch.key());
            });
        }
        var result = new Result(outcome, validation.warnings(), renamed(applied.impact(), applied.ids(), saving == null), ids, versions,
                before, after, changeId);
        if (saving != null) {
            String summary = EditAnswer.summary(result).toString();
            Sql.update(c, CHANGE_SUMMARY, summary, changeId);
            AuditLog.record(c, saving.actor(), "grid_change", "grid_change", changeId, Map.of("operation", outcome.operation(),
                    "community", community.code(), "grids", outcome.changes().stream().map(Outcome.Change::gridCode).toList()));
        }
        return result;
    }


    private static int communityOf(Connection c, GridEdit edit) throws SQLException {
        if (edit.namedCommunity() != null) {
            return edit.namedCommunity();
        }
        int grid = edit.namedGrid();
        return EditRepository.communityOfGrid(c, grid)
                .orElseThrow(() -> ApiException.notFound("grid-not-found", "there is no grid " + grid));
    }

    private static void refuseOrphans(Connection c, GridCoverageValidator.Result validation) throws SQLException {
        if (validation.newGap().isEmpty()) {
            return;
        }
        String gap = Wkb.hex(validation.newGap());
        var found = new ArrayList<Finding>();
        Sql.list(c, ORPHANS, rs -> {
            long n = rs.getLong(2);
            if (n > 0) {
                String what = switch (rs.getString(1)) {
                    case "address" -> "个门牌地址 addresses";
                    case "building" -> "栋楼 buildings";
                    case "station" -> "个站点 stations";
                    default -> "名居民 residents";
                };
                found.add(Finding.at("orphaned", "有 " + n + " " + what.split(" ")[0] + "将不属于任何网格 (" + n + " "
                        + what.split(" ")[1] + " would be in no grid)", null, Wkb.read(rs.getBytes(3))));
            }
            return n;
        }, gap, gap, gap, gap);
        if (!found.isEmpty()) {
            throw Refusals.of(found, validation.warnings());
        }
    }

    private static Map<Integer, Counts> counts(Connection c, List<Integer> grids) throws SQLException {
        var out = new LinkedHashMap<Integer, Counts>();
        Sql.list(c, COUNTS, rs -> out.put(rs.getInt(1), new Counts(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                rs.getLong(6), rs.getLong(7))), (Object) grids.toArray(Integer[]::new));
        return out;
    }

    /** In a preview, a new grid's rolled-back id becomes its key again wherever the impact names it. */
    private static Impact renamed(Impact impact, Map<Integer, Integer> ids, boolean preview) {
        if (!preview) {
            return impact;
        }
        var keyOf = new LinkedHashMap<Integer, Integer>();
        ids.forEach((key, id) -> keyOf.put(id, key));
        java.util.function.Function<Integer, Integer> k = id -> id == null ? null : keyOf.getOrDefault(id, id);
        java.util.function.Function<List<Impact.Moved>, List<Impact.Moved>> moved = list -> list.stream()
                .map(m -> new Impact.Moved(m.id(), m.label(), m.households(), k.apply(m.from()), k.apply(m.to()))).toList();
        return new Impact(moved.apply(impact.addresses()), moved.apply(impact.buildings()), moved.apply(impact.stations()),
                moved.apply(impact.partyGroups()),
                impact.residents().stream().map(f -> new Impact.Flow(k.apply(f.from()), k.apply(f.to()), f.count())).toList());
    }
}
