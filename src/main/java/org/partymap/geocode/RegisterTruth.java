package org.partymap.geocode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.partymap.io.CsvTable;

/**
 * The demo register's truth file ({@code residents_truth.csv}: for every row the address as
 * written, the standard address and point of the home, how it was written and the level a good
 * geocoder can reach) as an evaluation set. A row written with the street alone is meant at the
 * street, an estate alone at the estate, a building without its unit at the building; rows that
 * cannot be geocoded (written outside the district, or not an address) are cases that do not exist.
 */
public final class RegisterTruth {

    /** The demo's styles that leave parts out or mistype them; the others only write the address another way. */
    static final Set<String> MESSY = Set.of("missing", "typo");
    private static final Pattern ROAD_NUMBER = Pattern.compile("(.+?)[0-9]+(-[0-9]+)?号");
    private static final Pattern ESTATE_BUILDING = Pattern.compile("((.+?)[0-9A-Z]+幢).*");

    private RegisterTruth() {
    }

    /** The cases of a truth file's text. */
    public static List<EvaluationCase> cases(String truthCsv) {
        CsvTable table = CsvTable.parse(truthCsv);
        int written = column(table, "written");
        int style = column(table, "style");
        int level = column(table, "expected_level");
        int address = column(table, "standard_address");
        int lon = column(table, "lon");
        int lat = column(table, "lat");
        var out = new ArrayList<EvaluationCase>(table.rows().size());
        for (CsvTable.Row row : table.rows()) {
            List<String> f = row.fields();
            String s = f.get(style);
            MatchLevel expected = f.get(level).equals("none") ? null : MatchLevel.parse(f.get(level));
            String meant = expected == null ? "" : meant(expected, f.get(address));
            out.add(new EvaluationCase(f.get(written), s, MESSY.contains(s), expected, meant,
                    expected == null ? Double.NaN : Double.parseDouble(f.get(lon)),
                    expected == null ? Double.NaN : Double.parseDouble(f.get(lat))));
        }
        return out;
    }

    /** What a right answer names at that level: "东台路" of 东台路181号, "富民名都" or "富民名都5幢" of 富民名都5幢1单元. */
    static String meant(MatchLevel level, String standard) {
        Matcher road = ROAD_NUMBER.matcher(standard);
        Matcher estate = ESTATE_BUILDING.matcher(standard);
        return switch (level) {
            case STREET -> road.matches() ? road.group(1) : standard;
            case ESTATE -> estate.matches() ? estate.group(2) : standard;
            case BUILDING -> estate.matches() ? estate.group(1) : standard;
            default -> standard;
        };
    }

    private static int column(CsvTable table, String name) {
        return table.column(name).orElseThrow(() -> new CsvTable.CsvException("the truth file has no column " + name));
    }
}
