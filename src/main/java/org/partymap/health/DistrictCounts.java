package org.partymap.health;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.partymap.db.Sql;

/**
 * What a district's database holds, counted: {@code ./partymap stats} prints it, and the README's figures for the
 * demo are these counts of the generated demo (DemoDistrictIT compares them), so that they cannot go stale.
 * {@code households} is the sum of the dwellings behind every standard address.
 */
public record DistrictCounts(Map<String, Long> counts) {

    private static final String COUNTS = """
            SELECT (SELECT count(*) FROM subdistrict), (SELECT count(*) FROM community), (SELECT count(*) FROM grid),
                   (SELECT count(*) FROM street), (SELECT count(*) FROM estate), (SELECT count(*) FROM building),
                   (SELECT count(*) FROM address), (SELECT coalesce(sum(households), 0) FROM address),
                   (SELECT count(*) FROM party_group), (SELECT count(*) FROM member_household), (SELECT count(*) FROM station),
                   (SELECT count(*) FROM resident)""";
    /** The names of the counts, in {@link #COUNTS}' order. */
    private static final String[] NAMES = {"subdistricts", "communities", "grids", "streets", "estates", "buildings",
        "standard addresses", "households", "party groups", "member households", "stations", "residents"};

    public DistrictCounts {
        counts = Map.copyOf(counts);
    }

    /** The counts of the database behind {@code ds}. */
    public static DistrictCounts of(DataSource ds) {
        return Sql.one(ds, COUNTS, rs -> {
            var out = new LinkedHashMap<String, Long>();
            for (int i = 0; i < NAMES.length; i++) {
                out.put(NAMES[i], rs.getLong(i + 1));
            }
            return new DistrictCounts(out);
        }).orElseThrow();
    }

    /** One count by its name ("grids", "standard addresses" …). */
    public long get(String name) {
        Long n = counts.get(name);
        if (n == null) {
            throw new IllegalArgumentException("no count named '" + name + "'; the counts are " + String.join(", ", NAMES));
        }
        return n;
    }

    /** A count as the README writes it: "20,183 buildings". */
    public String phrase(String name) {
        return String.format(Locale.ROOT, "%,d %s", get(name), name);
    }

    /** One line per count, names left and figures right-aligned in one column. */
    public String describe() {
        var out = new StringBuilder();
        for (String name : NAMES) {
            out.append(String.format(Locale.ROOT, "%-19s %,9d%n", name, get(name)));
        }
        return out.toString();
    }
}
