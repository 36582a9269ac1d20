package org.partymap.grid.edit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.partymap.db.Sql;
import org.partymap.http.ApiException;

/**
 * Checks the versions an edit was based on against the grids it would touch. A save must name
 * them all (428 Precondition Required); a grid saved by someone else since it was read answers
 * 409 Conflict with both versions as GeoJSON: "mine" — what the edit makes of the versions it was
 * based on — and "theirs" — the grids as they are now, with who saved them, when and why. (412
 * Precondition Failed would be the plain HTTP answer to a failed If-Match; 409 says better that the
 * request conflicts with someone else's work, which is what the planner must resolve.)
 */
final class Preconditions {

    private static final String SAVED = """
            SELECT changed_by, to_char(changed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS'), operation, reason
              FROM grid_version WHERE grid_id = ? ORDER BY version DESC LIMIT 1""";

    private final EditResolver resolver;
    private final EditContext context;

    Preconditions(EditResolver resolver, EditContext context) {
        this.resolver = resolver;
        this.context = context;
    }

    /** A grid named in If-Match at a version it no longer has: its key, code, name, the version named and the current one. */
    private record Stale(int grid, String code, String name, int named, int current) {
    }

    /** @param required whether every touched grid must be named (a save) or only those named are checked (a preview) */
    void check(Connection c, GridEdit edit, Outcome outcome, BaseVersions base, boolean required) throws SQLException {
        var missing = new ArrayList<String>();
        var stale = new ArrayList<Stale>();
        for (Outcome.Change ch : outcome.changes()) {
            if (ch.isCreated() && !ch.isRestored()) {
                continue;
            }
            int current = ch.isRestored() ? ch.baseVersion() : ch.before().version();
            Optional<Integer> named = base.of(ch.key());
            if (named.isEmpty()) {
                missing.add(ch.gridCode() + " " + ch.attributes().name());
            } else if (named.get() != current) {
                stale.add(new Stale(ch.key(), ch.gridCode(), ch.attributes().name(), named.get(), current));
            }
        }
        if (required && !missing.isEmpty()) {
            throw new ApiException(428, "precondition-required", "Precondition required",
                    "a save must say in If-Match which version of each grid it changes it was based on; missing: "
                            + String.join(", ", missing)).with("header", "If-Match");
        }
        if (!stale.isEmpty()) {
            throw conflict(c, edit, outcome.community(), stale);
        }
    }

    /**
     * For an edit that cannot be made on the grids as they are now (refused, 422): if any grid of
     * the community it was based on has been saved since, that is the better answer — 409 with
     * both versions — since the planner edited grids that are no longer there.
     */
    void checkStale(Connection c, GridEdit edit, CommunityState community, BaseVersions base) throws SQLException {
        var stale = new ArrayList<Stale>();
        for (var named : base.entries().entrySet()) {
            int grid = named.getKey();
            var live = community.grid(grid);
            if (live.isPresent()) {
                if (live.get().version() != named.getValue()) {
                    stale.add(new Stale(grid, live.get().code(), live.get().attributes().name(), named.getValue(), live.get().version()));
                }
                continue;
            }
            context.latest(grid).filter(v -> v.communityId() == community.id() && v.version() != named.getValue())
                    .ifPresent(v -> stale.add(new Stale(grid, v.code(), v.attributes().name(), named.getValue(), v.version())));
        }
        if (!stale.isEmpty()) {
            throw conflict(c, edit, community, stale);
        }
    }

    private ApiException conflict(Connection c, GridEdit edit, CommunityState community, List<Stale> stale) throws SQLException {
        var conflicts = GeoJson.JSON.createArrayNode();
        var based = new ArrayList<GridState>();
        var words = new ArrayList<String>();
        var theirs = GeoJson.JSON.createArrayNode();
        for (Stale s : stale) {
            ObjectNode o = conflicts.addObject();
            o.put("grid", s.grid());
            o.put("code", s.code());
            o.put("name", s.name());
            o.put("your_version", s.named());
            o.put("current_version", s.current());
            o.put("live", community.grid(s.grid()).isPresent());
            o.put("etag", BaseVersions.etag(s.grid(), s.current()));
            Sql.one(c, SAVED, rs -> {
                o.put("changed_by", rs.getString(1));
                o.put("changed_at", rs.getString(2));
                o.put("operation", rs.getString(3));
                o.put("reason", rs.getString(4));
                words.add(s.name() + " 已被 " + rs.getString(1) + " 于 " + rs.getString(2) + " 保存（第 "
                        + s.current() + " 版，你基于第 " + s.named() + " 版）");
                return null;
            }, s.grid());
            context.version(s.grid(), s.named()).ifPresent(v -> based.add(new GridState(v.grid(), v.code(), v.version(),
                    v.geom(), v.attributes())));
            community.grid(s.grid()).ifPresent(g -> theirs.add(GeoJson.feature(g.id(), g.geom(),
                    EditAnswer.gridProperties(g.id(), g.code(), g.attributes().name(), g.version()))));
        }
        return ApiException.conflict("edit-conflict", String.join("；", words) + "。请重新载入后再编辑 (someone saved these grids since you read them;"
                        + " reload and edit again)")
                .with("conflicts", conflicts)
                .with("mine", GeoJson.collection(mine(edit, community, based)))
                .with("theirs", GeoJson.collection(theirs));
    }

    /**
     * The edit made against the versions it was based on: what the planner meant to save (the
     * grids it changes, at the versions it read); the versions it read as they were when it cannot be made.
     */
    private ArrayNode mine(GridEdit edit, CommunityState community, List<GridState> based) {
        var out = GeoJson.JSON.createArrayNode();
        try {
            CommunityState then = community.with(based);
            for (Outcome.Change ch : resolver.resolve(edit, then).changes()) {
                if (!ch.isRetired()) {
                    out.add(GeoJson.feature(ch.key(), ch.after(), EditAnswer.gridProperties(ch.key(), ch.gridCode(), ch.attributes().name(),
                            ch.before() == null ? null : ch.before().version())));
                }
            }
        } catch (RuntimeException e) { // refused, or a topology JTS cannot resolve: show the versions the edit was based on
            out.removeAll();
            for (GridState g : based) {
                out.add(GeoJson.feature(g.id(), g.geom(), EditAnswer.gridProperties(g.id(), g.code(), g.attributes().name(), g.version())));
            }
        }
        return out;
    }
}
