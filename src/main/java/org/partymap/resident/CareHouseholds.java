package org.partymap.resident;

/**
 * Counts of vulnerable households (households with a resident who has a care tag): the only
 * thing about residents that leaves the staff's views, and then only as a per-grid aggregate
 * that is suppressed — given as null — below {@link #SUPPRESS_BELOW}, so that nobody can point
 * at the one disabled resident of a grid. A household is the residents who share an address text.
 */
public final class CareHouseholds {

    public static final int SUPPRESS_BELOW = 5;

    private CareHouseholds() {
    }

    /** An SQL expression: the suppressed count for the grid whose id is {@code gridId} (an SQL expression). */
    public static String suppressedCountSql(String gridId) {
        return """
                (SELECT CASE WHEN count(DISTINCT r.address_text) >= %d THEN count(DISTINCT r.address_text) END
                   FROM resident r WHERE r.grid_id = %s AND cardinality(r.care_tags) > 0)""".formatted(SUPPRESS_BELOW, gridId);
    }
}
