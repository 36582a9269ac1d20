package org.partymap.geocode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.partymap.io.CsvTable;
import org.partymap.io.CsvWriter;

/**
 * One address string of an evaluation set and what the geocoder should answer.
 *
 * @param query           the text as a person might write it
 * @param style           how it was written ("standard", "compact", "typo", …)
 * @param messy           whether the style is messy (typos, missing or misordered parts, a wrong
 *                        community) rather than merely a different well-formed way of writing
 * @param expectedLevel   the level a right answer has; null when the address does not exist and
 *                        no confident answer is right
 * @param expectedAddress the standard address (or building) meant, "" when none
 * @param lon             where it is, WGS-84; NaN when it does not exist
 * @param lat             see lon
 */
public record EvaluationCase(String query, String style, boolean messy, MatchLevel expectedLevel, String expectedAddress,
                             double lon, double lat) {

    static final List<String> HEADER = List.of("query", "style", "messy", "level", "address", "lon", "lat");

    public boolean exists() {
        return expectedLevel != null;
    }

    /** An evaluation set as CSV text, for committing it beside the tests. */
    public static String toCsv(List<EvaluationCase> cases) {
        var csv = new StringBuilder(CsvWriter.row(HEADER.toArray(String[]::new)));
        for (EvaluationCase c : cases) {
            csv.append(CsvWriter.row(c.query, c.style, Boolean.toString(c.messy), c.exists() ? c.expectedLevel.code() : "",
                    c.expectedAddress, c.exists() ? String.format(Locale.ROOT, "%.7f", c.lon) : "",
                    c.exists() ? String.format(Locale.ROOT, "%.7f", c.lat) : ""));
        }
        return csv.toString();
    }

    /** Reads what {@link #toCsv} wrote (or a hand-written file with the same header). */
    public static List<EvaluationCase> fromCsv(String text) {
        CsvTable table = CsvTable.parse(text);
        int[] at = new int[HEADER.size()];
        for (int i = 0; i < HEADER.size(); i++) {
            String name = HEADER.get(i);
            at[i] = table.column(name).orElseThrow(() -> new CsvTable.CsvException("the evaluation set has no column " + name));
        }
        var out = new ArrayList<EvaluationCase>();
        for (CsvTable.Row row : table.rows()) {
            List<String> f = row.fields();
            String level = f.get(at[3]).strip();
            out.add(new EvaluationCase(f.get(at[0]), f.get(at[1]), Boolean.parseBoolean(f.get(at[2]).strip()),
                    level.isEmpty() ? null : MatchLevel.parse(level), f.get(at[4]),
                    level.isEmpty() ? Double.NaN : Double.parseDouble(f.get(at[5])),
                    level.isEmpty() ? Double.NaN : Double.parseDouble(f.get(at[6]))));
        }
        return out;
    }
}
