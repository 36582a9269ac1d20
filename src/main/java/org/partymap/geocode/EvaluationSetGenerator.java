package org.partymap.geocode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Writes the standard addresses of a gazetteer the many ways people write them, with the point
 * each should be found at: the full administrative prefix, a short one, estate + "3-2-501",
 * Chinese numerals, full-width digits, building synonyms, spaces and punctuation (well-formed);
 * a dropped unit or suffix, a typo in the name, parts out of order, the wrong community
 * (messy); and addresses that do not exist: numbers beyond every range, buildings an estate
 * does not have, made-up roads, another city's prefix, garbage. Deterministic for a seed.
 */
public final class EvaluationSetGenerator {

    /** Characters a typo may put in a name: common in Chinese place names, so that a typo looks like one. */
    private static final String TYPO_POOL = "安宝北滨博昌城春翠大德东方丰福港光广海和华惠吉佳建江金锦景康兰丽利莲林龙茂美明南宁平"
            + "庆瑞润山盛胜世泰天通旺文西祥新兴阳怡永友裕园月云泽振正中珠紫";
    private static final String[] SYNONYMS = {"栋", "座", "号楼", "#"};

    private final Gazetteer g;
    private final Random random;

    public EvaluationSetGenerator(Gazetteer gazetteer, long seed) {
        this.g = gazetteer;
        this.random = new Random(seed);
    }

    /**
     * @param perAddress   how many styles to write each address in (drawn at random among those that apply)
     * @param nonexistent  how many addresses that do not exist to add
     */
    public List<EvaluationCase> generate(int perAddress, int nonexistent) {
        var out = new ArrayList<EvaluationCase>();
        for (Places.Address a : g.addresses()) {
            Form form = form(a);
            if (form == null) {
                continue;
            }
            var styles = new ArrayList<>(form.styles());
            Collections.shuffle(styles, random);
            int written = 0;
            for (String style : styles) {
                if (written >= perAddress) {
                    break;
                }
                EvaluationCase c = write(form, style);
                if (c != null) {
                    out.add(c);
                    written++;
                }
            }
        }
        for (int i = 0; i < nonexistent; i++) {
            EvaluationCase c = nonexistent(i % 5);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    /** An address with the names it is written with. */
    private record Form(Places.Address a, String estate, String road, String community, String subdistrict) {
        boolean inEstate() {
            return estate != null;
        }

        List<String> styles() {
            var s = new ArrayList<>(List.of("standard", "full_prefix", "short_prefix", "numerals", "full_width", "spaces",
                    "typo", "misordered", "wrong_community", "missing_suffix"));
            if (inEstate()) {
                s.addAll(List.of("synonyms", "misordered_numerals"));
                if (a.unit() != null) {
                    s.addAll(List.of("compact", "room", "missing_unit"));
                }
            }
            return s;
        }
    }

    private Form form(Places.Address a) {
        String community = null;
        String subdistrict = null;
        if (a.grid() != null) {
            Places.Area c = g.communityById.get(a.grid().communityId());
            if (c != null) {
                community = c.name();
                Places.Area s = g.subdistrictById.get(c.parentId());
                subdistrict = s == null ? null : s.name();
            }
        }
        Places.Estate e = a.estateId() == 0 ? null : g.estateById.get(a.estateId());
        if (e != null && a.building() != null && a.building().matches("[0-9]+") && (a.unit() == null || a.unit().matches("[0-9]+"))) {
            return new Form(a, e.name(), null, community, subdistrict);
        }
        if (a.road() != null && a.houseNumber() != null && a.houseNumber().matches("[0-9]+")) {
            Road road = g.roads.exact(a.road()).stream().findFirst().orElse(null);
            return road == null ? null : new Form(a, null, road.name(), community, subdistrict);
        }
        return null;
    }

    private EvaluationCase write(Form f, String style) {
        Places.Address a = f.a();
        boolean messy = switch (style) {
            case "typo", "misordered", "misordered_numerals", "wrong_community", "missing_suffix", "missing_unit" -> true;
            default -> false;
        };
        String query = switch (style) {
            case "standard" -> a.fullAddress();
            case "full_prefix" -> f.subdistrict() == null ? null : homePrefix(true) + f.subdistrict() + f.community() + a.fullAddress();
            case "short_prefix" -> homePrefix(false) + a.fullAddress();
            case "numerals" -> f.inEstate()
                    ? f.estate() + chinese(a.building()) + "号楼" + (a.unit() == null ? "" : chinese(a.unit()) + "单元")
                    : f.road() + chinese(a.houseNumber()) + "号";
            case "full_width" -> fullWidth(a.fullAddress());
            case "spaces" -> f.inEstate()
                    ? f.estate() + " " + a.building() + "栋，" + (a.unit() == null ? "" : a.unit() + " 单元")
                    : f.road() + " " + a.houseNumber() + " 号";
            case "synonyms" -> f.estate() + a.building() + SYNONYMS[random.nextInt(SYNONYMS.length)]
                    + (a.unit() == null ? "" : a.unit() + "单元");
            case "compact" -> f.estate() + a.building() + "-" + a.unit() + "-" + room();
            case "room" -> f.estate() + a.building() + "幢" + a.unit() + "单元" + room() + "室";
            case "missing_unit" -> f.estate() + a.building() + "幢";
            case "missing_suffix" -> missingSuffix(f);
            case "typo" -> typo(f);
            case "misordered" -> f.inEstate()
                    ? (a.unit() == null ? "" : a.unit() + "单元") + a.building() + "幢" + f.estate()
                    : a.houseNumber() + "号" + f.road();
            case "misordered_numerals" -> (a.unit() == null ? "" : chinese(a.unit()) + "单元") + chinese(a.building()) + "栋" + f.estate();
            case "wrong_community" -> otherCommunity(f.community()) == null ? null : otherCommunity(f.community()) + a.fullAddress();
            default -> throw new IllegalArgumentException(style);
        };
        if (query == null) {
            return null;
        }
        if (style.equals("missing_unit")) {
            String building = f.estate() + a.building() + "幢";
            Places.Building b = g.buildings.get(Gazetteer.key(Integer.toString(a.estateId()), a.building()));
            double[] at = b != null ? new double[] {b.lon(), b.lat()} : buildingCentre(a);
            return new EvaluationCase(query, style, true, MatchLevel.BUILDING, building, at[0], at[1]);
        }
        return new EvaluationCase(query, style, messy, MatchLevel.ADDRESS, a.fullAddress(), a.lon(), a.lat());
    }

    private double[] buildingCentre(Places.Address a) {
        List<Places.Address> all = g.byEstateBuilding.get(Gazetteer.key(Integer.toString(a.estateId()), a.building()));
        return new double[] {all.stream().mapToDouble(Places.Address::lon).average().orElseThrow(),
                all.stream().mapToDouble(Places.Address::lat).average().orElseThrow()};
    }

    private String homePrefix(boolean full) {
        if (g.home.isEmpty()) {
            return "";
        }
        var names = new ArrayList<String>();
        for (AdminRegions.Region r : g.home) {
            names.add(full ? r.name() : AdminRegions.shortName(r));
        }
        if (full) {
            return String.join("", names);
        }
        return switch (random.nextInt(3)) {
            case 0 -> g.home.size() > 1 ? g.home.get(1).name() : "";
            case 1 -> g.home.get(g.home.size() - 1).name();
            default -> String.join("", names.subList(0, Math.min(2, names.size())));
        };
    }

    private String room() {
        return (1 + random.nextInt(18)) + "0" + (1 + random.nextInt(4));
    }

    private String missingSuffix(Form f) {
        Places.Address a = f.a();
        if (f.inEstate()) {
            String core = NameKind.core(f.estate());
            return core.equals(f.estate()) ? null : core + a.building() + "幢" + (a.unit() == null ? "" : a.unit() + "单元");
        }
        String core = RoadAssembler.core(f.road());
        return core.equals(f.road()) ? null : core + a.houseNumber() + "号";
    }

    /** One character of the name's core replaced, dropped, or swapped with its neighbour. */
    private String typo(Form f) {
        Places.Address a = f.a();
        String name = f.inEstate() ? f.estate() : f.road();
        String core = f.inEstate() ? NameKind.core(name) : RoadAssembler.core(name);
        if (core.length() < 2) {
            return null;
        }
        String suffix = name.substring(core.length());
        int i = random.nextInt(core.length());
        String typo = switch (random.nextInt(core.length() >= 3 ? 3 : 2)) {
            case 0 -> core.substring(0, i) + TYPO_POOL.charAt(random.nextInt(TYPO_POOL.length())) + core.substring(i + 1);
            case 1 -> i + 1 < core.length() ? core.substring(0, i) + core.charAt(i + 1) + core.charAt(i) + core.substring(i + 2)
                    : core.substring(0, i - 1) + core.charAt(i) + core.charAt(i - 1);
            default -> core.substring(0, i) + core.substring(i + 1);
        };
        if (typo.equals(core)) {
            return null;
        }
        return typo + suffix + (f.inEstate() ? a.building() + "幢" + (a.unit() == null ? "" : a.unit() + "单元") : a.houseNumber() + "号");
    }

    private String otherCommunity(String own) {
        var others = g.communityById.values().stream().map(Places.Area::name).filter(n -> !n.equals(own)).sorted().toList();
        return others.isEmpty() ? null : others.get(Math.floorMod(own == null ? 0 : own.hashCode(), others.size()));
    }

    private EvaluationCase nonexistent(int kind) {
        List<Places.Address> all = g.addresses();
        if (all.isEmpty()) {
            return null;
        }
        Places.Address a = all.get(random.nextInt(all.size()));
        Form f = form(a);
        String query = switch (kind) {
            case 0 -> f == null || f.inEstate() ? null : f.road() + (9000 + random.nextInt(900)) + "号";
            case 1 -> f == null || !f.inEstate() ? null : f.estate() + (90 + random.nextInt(9)) + "幢1单元";
            case 2 -> madeUpRoad() + (1 + random.nextInt(200)) + "号";
            case 3 -> f == null || f.inEstate() ? null : "南京市鼓楼区" + a.fullAddress();
            default -> garbage();
        };
        return query == null ? nonexistent((kind + 1) % 5)
                : new EvaluationCase(query, "nonexistent", true, null, "", Double.NaN, Double.NaN);
    }

    private String madeUpRoad() {
        for (int attempt = 0; attempt < 20; attempt++) {
            String name = "" + TYPO_POOL.charAt(random.nextInt(TYPO_POOL.length())) + TYPO_POOL.charAt(random.nextInt(TYPO_POOL.length()))
                    + TYPO_POOL.charAt(random.nextInt(TYPO_POOL.length())) + "路";
            if (g.roads.exact(name).isEmpty() && g.roads.fuzzy(name, 1, 0.6).isEmpty()) {
                return name;
            }
        }
        return "无此路";
    }

    private String garbage() {
        var s = new StringBuilder();
        int n = 3 + random.nextInt(8);
        for (int i = 0; i < n; i++) {
            s.append(TYPO_POOL.charAt(random.nextInt(TYPO_POOL.length())));
        }
        return s.toString();
    }

    /** Positional Chinese numerals: 3 → 三, 12 → 十二, 21 → 二十一, 108 → 一百零八. */
    static String chinese(String digits) {
        int n = Integer.parseInt(digits);
        String d = "零一二三四五六七八九";
        if (n < 10) {
            return String.valueOf(d.charAt(n));
        }
        if (n < 20) {
            return "十" + (n % 10 == 0 ? "" : d.charAt(n % 10));
        }
        if (n < 100) {
            return d.charAt(n / 10) + "十" + (n % 10 == 0 ? "" : String.valueOf(d.charAt(n % 10)));
        }
        if (n < 1000) {
            int rest = n % 100;
            return d.charAt(n / 100) + "百" + (rest == 0 ? "" : rest < 10 ? "零" + d.charAt(rest) : rest < 20 ? "一" + chinese(Integer.toString(rest)) : chinese(Integer.toString(rest)));
        }
        return digits;
    }

    private static String fullWidth(String s) {
        var out = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            out.append(ch >= '0' && ch <= '9' || ch == '-' ? (char) (ch + 0xFEE0) : ch);
        }
        return out.toString();
    }
}
