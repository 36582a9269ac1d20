package org.partymap.testing;

import java.util.List;
import javax.sql.DataSource;
import org.partymap.db.Sql;

/** Invariants of stored records that more than one test checks after it writes: each answers what breaks them, empty when none. */
public final class Invariants {

    private Invariants() {
    }

    /**
     * 社区通: every question's history starts with its asking; a question is answered exactly when it
     * has an answer event, its first answer time is that of its first answer event, and its
     * escalation is the highest its events record. Each entry names a question and what is wrong.
     */
    public static List<String> questionsAgreeWithTheirHistory(DataSource ds) {
        return Sql.list(ds, """
                SELECT q.id || ': ' || concat_ws(', ',
                         CASE WHEN (SELECT kind FROM question_event e WHERE e.question_id = q.id ORDER BY e.at, e.id LIMIT 1) <> 'asked'
                              THEN 'history does not start with asked' END,
                         CASE WHEN (q.first_answer_at IS NOT NULL) <> EXISTS (SELECT 1 FROM question_event e WHERE e.question_id = q.id AND e.kind = 'answer')
                              THEN 'answered without an answer event, or the reverse' END,
                         CASE WHEN q.first_answer_at IS DISTINCT FROM (SELECT min(e.at) FROM question_event e WHERE e.question_id = q.id AND e.kind = 'answer')
                              THEN 'first answer time is not the first answer event''s' END,
                         CASE WHEN q.escalation <> coalesce((SELECT max(e.escalation) FROM question_event e WHERE e.question_id = q.id AND e.kind = 'escalated'), 0)
                              THEN 'escalation differs from its events' END)
                  FROM question q""", rs -> rs.getString(1)).stream().filter(s -> !s.endsWith(": ")).toList();
    }

    /**
     * 微心愿: a wish of a resident hangs off the resident's grid; a claimed or fulfilled wish has
     * exactly one claimant (a party member's account, a resident's name with a phone, or a party
     * member recorded by name with their party group), an open one none; a fulfilled wish was
     * claimed and confirmed first.
     */
    public static List<String> wishesKeepOneClaimant(DataSource ds) {
        return Sql.list(ds, """
                SELECT w.id || ': ' || concat_ws(', ',
                         CASE WHEN r.id IS NOT NULL AND r.grid_id IS DISTINCT FROM w.grid_id THEN 'not in its resident''s grid' END,
                         CASE WHEN w.status IN ('claimed', 'fulfilled')
                                   AND NOT (w.claimant_user_id IS NOT NULL AND w.claimant_name IS NULL AND w.claimant_phone IS NULL
                                            OR w.claimant_user_id IS NULL AND w.claimant_name IS NOT NULL
                                               AND (w.claimant_phone IS NOT NULL) <> (w.claimant_party_group_id IS NOT NULL))
                              THEN 'claimed without exactly one claimant' END,
                         CASE WHEN w.status = 'open' AND (w.claimant_user_id IS NOT NULL OR w.claimant_name IS NOT NULL OR w.claimant_phone IS NOT NULL
                                                          OR w.claimant_party_group_id IS NOT NULL)
                              THEN 'open with a claimant' END,
                         CASE WHEN w.status = 'fulfilled' AND (w.claimed_at IS NULL OR NOT w.claim_confirmed OR w.fulfilled_at < w.claimed_at)
                              THEN 'fulfilled before a confirmed claim' END)
                  FROM wish w LEFT JOIN resident r ON r.id = w.resident_id""", rs -> rs.getString(1)).stream().filter(s -> !s.endsWith(": ")).toList();
    }

    /**
     * 走访: every visit sits in its resident's household (the resident's grid and address text), under a
     * client key of its own, on a day no later than the Shanghai day it was stored. Each entry
     * names a visit and what is wrong; empty when nothing is.
     */
    public static List<String> visitsSitInTheirHouseholds(DataSource ds) {
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

    /**
     * 楼栋党小组: every group's stored shape is the union of the buildings it covers (null while it
     * covers none), whichever writer moved them. Each entry names a group whose shape is off.
     */
    public static List<String> partyGroupShapesAreTheirBuildings(DataSource ds) {
        return Sql.list(ds, """
                SELECT p.id || ': ' || p.name FROM party_group p
                 WHERE NOT coalesce(ST_Equals(p.geom, (SELECT ST_Multi(ST_Union(b.geom)) FROM building b WHERE b.party_group_id = p.id)),
                                    p.geom IS NULL AND NOT EXISTS (SELECT 1 FROM building b WHERE b.party_group_id = p.id))
                 ORDER BY p.id""", rs -> rs.getString(1));
    }
}
