package org.partymap.ogc;

import org.partymap.db.Database;
import org.partymap.db.Sql;
import org.partymap.testing.Fixtures;

/**
 * The sample layers plus what the OGC tests need around them: an estate with two buildings and
 * the party group that covers them (its leader's name must never appear), a party group with no
 * building, a resident and a member household (never public), and a second saved state of grid
 * 320902001001001, at fixed times, for the datetime tests.
 */
final class OgcFixtures {

    static final String SECRET_LEADER = "赵保密组长";
    static final String SECRET_RESIDENT = "孙保密居民";
    static final String SECRET_PHONE = "10099887766";
    /** An estate name that HTML views must show as text, not as markup. */
    static final String MARKUP_ESTATE = "<b onclick=x>测试</b>小区";

    private static final String[] EXTRA = {
        """
        INSERT INTO estate (name, community_id, geom)
        SELECT '万方花园', id, ST_Multi(ST_MakeEnvelope(120.145, 33.383, 120.148, 33.386, 4326))
          FROM community WHERE name = '莲花路社区'""",
        "INSERT INTO estate (name, geom) VALUES ('%s', ST_Multi(ST_MakeEnvelope(120.15, 33.39, 120.151, 33.391, 4326)))"
                .formatted(MARKUP_ESTATE),
        """
        INSERT INTO party_group (grid_id, name, leader_name, members)
        SELECT id, '万方花园第一党小组', '%s', 12 FROM grid WHERE code = '320902001001001'""".formatted(SECRET_LEADER),
        """
        INSERT INTO party_group (grid_id, name, leader_name, members)
        SELECT id, '新建党小组', '%s', 3 FROM grid WHERE code = '320902001001001'""".formatted(SECRET_LEADER),
        """
        INSERT INTO building (estate_id, party_group_id, grid_id, name, number, floors, geom)
        SELECT e.id, p.id, p.grid_id, b.name, b.number, 6, ST_MakeEnvelope(b.x, 33.3835, b.x + 0.0005, 33.3840, 4326)
          FROM estate e, party_group p,
               (VALUES ('3幢', '3', 120.1455), ('4幢', '4', 120.1465)) AS b (name, number, x)
         WHERE e.name = '万方花园' AND p.name = '万方花园第一党小组'""",
        """
        INSERT INTO resident (name, phone, address_text, address_id, grid_id, geom, care_tags)
        SELECT '%s', '%s', a.full_address, a.id, a.grid_id, a.geom, '{空巢老人}'
          FROM address a ORDER BY a.id LIMIT 1""".formatted(SECRET_RESIDENT, SECRET_PHONE),
        """
        INSERT INTO member_household (party_group_id, address_id, room)
        SELECT p.id, a.id, '101' FROM party_group p, address a
         WHERE p.name = '万方花园第一党小组' ORDER BY a.id LIMIT 1""",
        // every grid was imported on 2024-01-01; grid ...001 was redrawn and renamed on 2024-06-01
        "UPDATE grid_version SET changed_at = '2024-01-01T00:00:00Z'",
        "UPDATE grid SET updated_at = '2024-01-01T00:00:00Z'",
        """
        UPDATE grid SET name = '第一网格（调整后）', version = 2, updated_at = '2024-06-01T00:00:00Z',
                        geom = ST_Multi(ST_MakeEnvelope(120.14, 33.38, 120.151, 33.39, 4326))
         WHERE code = '320902001001001'""",
        """
        INSERT INTO grid_version (grid_id, grid_code, version, operation, reason, attributes, geom, changed_by, changed_at)
        SELECT id, code, version, 'edit', '沿人民路调整', jsonb_build_object('name', name, 'branch_name', branch_name),
               geom, 'planner1', '2024-06-01T00:00:00Z'
          FROM grid WHERE code = '320902001001001'"""
    };

    private OgcFixtures() {
    }

    static void load(Database db) {
        Fixtures.loadSample(db);
        for (String sql : EXTRA) {
            Sql.update(db.dataSource(), sql);
        }
    }
}
