package org.partymap.geocode;

import java.util.List;

/**
 * What a place name is, told by how it ends: 街道 a subdistrict, 社区 a community, 路 a road, 花园
 * an estate. Strong suffixes end a name wherever they stand ("莲花路|社区", "先锋街道|人民路");
 * weak ones (苑 城 府 园 村 …) also occur inside names ("东城花园", "十里铺") and end a name only at
 * the end of a run of text or before another name.
 */
enum NameKind {
    SUBDISTRICT, COMMUNITY, ROAD, ESTATE, VILLAGE, UNKNOWN;

    /** A suffix and the kind of name it ends. */
    record Suffix(String text, NameKind kind) {
    }

    /** Longest first, so that 街道 wins over 街 and 新村 over 村. */
    static final List<Suffix> STRONG = sorted(List.of(
            new Suffix("街道办事处", SUBDISTRICT), new Suffix("街道办", SUBDISTRICT), new Suffix("街道", SUBDISTRICT),
            new Suffix("办事处", SUBDISTRICT),
            new Suffix("社区居民委员会", COMMUNITY), new Suffix("社区居委会", COMMUNITY), new Suffix("居民委员会", COMMUNITY),
            new Suffix("居委会", COMMUNITY), new Suffix("村委会", COMMUNITY), new Suffix("社区", COMMUNITY),
            new Suffix("大道", ROAD), new Suffix("大街", ROAD), new Suffix("胡同", ROAD),
            new Suffix("路", ROAD), new Suffix("街", ROAD), new Suffix("巷", ROAD), new Suffix("弄", ROAD),
            new Suffix("小区", ESTATE), new Suffix("花园", ESTATE), new Suffix("新村", ESTATE), new Suffix("家园", ESTATE),
            new Suffix("公寓", ESTATE), new Suffix("广场", ESTATE), new Suffix("大厦", ESTATE), new Suffix("山庄", ESTATE),
            new Suffix("公馆", ESTATE), new Suffix("别墅", ESTATE), new Suffix("花苑", ESTATE), new Suffix("雅苑", ESTATE),
            new Suffix("嘉园", ESTATE), new Suffix("名苑", ESTATE), new Suffix("华府", ESTATE), new Suffix("华庭", ESTATE),
            new Suffix("名都", ESTATE), new Suffix("世家", ESTATE), new Suffix("花城", ESTATE)));

    static final List<Suffix> WEAK = sorted(List.of(
            new Suffix("中心", ESTATE), new Suffix("国际", ESTATE), new Suffix("苑", ESTATE), new Suffix("城", ESTATE),
            new Suffix("府", ESTATE), new Suffix("园", ESTATE), new Suffix("庭", ESTATE), new Suffix("居", ESTATE),
            new Suffix("里", ESTATE), new Suffix("湾", ESTATE), new Suffix("坊", ESTATE), new Suffix("阁", ESTATE),
            new Suffix("邸", ESTATE), new Suffix("院", ESTATE), new Suffix("村", VILLAGE), new Suffix("镇", SUBDISTRICT),
            new Suffix("乡", SUBDISTRICT)));

    /** The generic words that end names of each kind, removed to get a name's core ("万方花园" → "万方"). */
    static final List<String> GENERIC_ENDINGS = List.of(
            "街道办事处", "街道办", "街道", "社区居民委员会", "社区居委会", "居民委员会", "居委会", "村委会", "社区",
            "小区", "花园", "新村", "家园", "公寓", "大厦", "花苑", "雅苑", "嘉园", "苑", "村");

    private static List<Suffix> sorted(List<Suffix> suffixes) {
        return suffixes.stream().sorted((a, b) -> b.text().length() - a.text().length()).toList();
    }

    /** The strong suffix that starts at {@code pos}, longest first, or null. */
    static Suffix strongAt(String text, int pos) {
        return at(STRONG, text, pos);
    }

    static Suffix weakAt(String text, int pos) {
        return at(WEAK, text, pos);
    }

    private static Suffix at(List<Suffix> list, String text, int pos) {
        for (Suffix s : list) {
            if (text.startsWith(s.text(), pos)) {
                return s;
            }
        }
        return null;
    }

    /** The kind a whole name has by its ending, strong or weak; UNKNOWN when it has none. */
    static NameKind ofName(String name) {
        for (List<Suffix> list : List.of(STRONG, WEAK)) {
            for (Suffix s : list) {
                if (name.endsWith(s.text()) && name.length() > s.text().length()) {
                    return s.kind();
                }
            }
        }
        return UNKNOWN;
    }

    /** A name without its generic ending, when at least two characters remain: 万方花园 → 万方. */
    static String core(String name) {
        for (String ending : GENERIC_ENDINGS) {
            if (name.endsWith(ending) && name.length() - ending.length() >= 2) {
                return name.substring(0, name.length() - ending.length());
            }
        }
        return name;
    }
}
