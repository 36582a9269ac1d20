package org.partymap.geocode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The administrative divisions above the subdistrict (省 province, 市 city, 区/县 district) as they
 * appear at the start of an address: "江苏省盐城市亭湖区", "江苏盐城", "盐城市亭湖区". Known names come
 * from {@code regions.tsv} (GB/T 2260 codes); an unknown name is recognised only where it follows a
 * known one ("江苏省某市某区"), so that a road or an estate at the start of an address is never
 * taken for a city.
 */
public final class AdminRegions {

    /** The level of a division. Municipalities (北京市) count as provinces. */
    public enum Level { PROVINCE, CITY, DISTRICT }

    /**
     * A division named in an address.
     *
     * @param code GB/T 2260 code when the name is a known one, else null
     */
    public record Region(Level level, String name, String code) {
    }

    /** What {@link #strip} found: the divisions in order, and the text after them. */
    public record Stripped(List<Region> regions, String rest) {
    }

    /** Characters that, right after a short name such as 南京, show that it begins a road's name: 南京路, 南京东路. */
    private static final String NAME_CONTINUES = "路街道巷弄大中东西南北市门区县";
    private static final Set<String> NOT_DISTRICTS = Set.of(
            "社区", "小区", "园区", "校区", "街区", "景区", "片区", "城区", "厂区", "矿区", "营区", "院区", "镇区", "库区");
    private static final String NOT_IN_NAMES = "路街巷弄号幢单元室楼层道村社";

    static final AdminRegions STANDARD = load();

    private final Map<Character, List<Region>> byFirstChar = new HashMap<>();
    private final Map<Character, List<Region>> shortByFirstChar = new HashMap<>();
    private final Map<String, Region> byCode = new HashMap<>();

    private AdminRegions(List<Region> regions) {
        for (Region r : regions) {
            byCode.put(r.code(), r);
            byFirstChar.computeIfAbsent(r.name().charAt(0), k -> new ArrayList<>()).add(r);
            String shortName = shortName(r);
            if (shortName.length() >= 2 && !shortName.equals(r.name())) {
                shortByFirstChar.computeIfAbsent(shortName.charAt(0), k -> new ArrayList<>())
                        .add(new Region(r.level(), shortName, r.code()));
            }
        }
        Comparator<Region> longestFirst = Comparator.comparingInt((Region r) -> r.name().length()).reversed();
        byFirstChar.values().forEach(l -> l.sort(longestFirst));
        shortByFirstChar.values().forEach(l -> l.sort(longestFirst));
    }

    /** A known division by its code. */
    public Optional<Region> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /**
     * The district (区/县) with the given 6-digit code, its city and its province, as far as known:
     * the home region of a gazetteer whose subdistrict codes begin with that code.
     */
    public List<Region> withParents(String countyCode) {
        var out = new ArrayList<Region>();
        byCode(countyCode.substring(0, 2) + "0000").ifPresent(out::add);
        byCode(countyCode.substring(0, 4) + "00").ifPresent(out::add);
        byCode(countyCode).ifPresent(out::add);
        return out;
    }

    /** The name without its administrative suffix: 江苏省 → 江苏, 盐城市 → 盐城, 亭湖区 → 亭湖. */
    public static String shortName(Region r) {
        String n = r.name();
        for (String suffix : List.of("壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区", "自治区", "省", "市", "区", "县")) {
            if (n.endsWith(suffix) && n.length() - suffix.length() >= 2) {
                return n.substring(0, n.length() - suffix.length());
            }
        }
        return n;
    }

    /** Removes the divisions that begin {@code text} (already normalised to half-width, no spaces). */
    public Stripped strip(String text) {
        var found = new ArrayList<Region>();
        int pos = 0;
        while (pos < text.length()) {
            Level after = found.isEmpty() ? null : found.get(found.size() - 1).level();
            Region r = known(text, pos, after);
            if (r == null && after != null) {
                r = generic(text, pos, after);
            }
            if (r == null) {
                break;
            }
            found.add(r);
            pos += r.name().length();
        }
        return new Stripped(found, text.substring(pos));
    }

    private Region known(String text, int pos, Level after) {
        char first = text.charAt(pos);
        for (Region r : byFirstChar.getOrDefault(first, List.of())) {
            if (text.startsWith(r.name(), pos) && deeper(r.level(), after) && !continuesAsName(text, pos, r)) {
                return r;
            }
        }
        for (Region r : shortByFirstChar.getOrDefault(first, List.of())) {
            int end = pos + r.name().length();
            boolean chained = r.level() != Level.DISTRICT || after != null; // 亭湖 alone may begin a name
            if (text.startsWith(r.name(), pos) && deeper(r.level(), after) && chained && end < text.length()
                    && NAME_CONTINUES.indexOf(text.charAt(end)) < 0) {
                return r;
            }
        }
        return null;
    }

    /** 东台市场, 盐城市民广场: a name ending in 市 that is really the start of 市场 or 市民. */
    private static boolean continuesAsName(String text, int pos, Region r) {
        int end = pos + r.name().length();
        return r.name().endsWith("市") && end < text.length() && "场民".indexOf(text.charAt(end)) >= 0;
    }

    /** An unlisted city after a province, or an unlisted district after a province or city. */
    private static Region generic(String text, int pos, Level after) {
        int max = Math.min(text.length() - pos, 7);
        for (int len = 2; len <= max; len++) {
            char ch = text.charAt(pos + len - 1);
            if (!isHan(ch) || NOT_IN_NAMES.indexOf(ch) >= 0) {
                return null;
            }
            String name = text.substring(pos, pos + len);
            if (ch == '市' && after == Level.PROVINCE && len >= 3 && !continuesAsName(text, pos, new Region(Level.CITY, name, null))) {
                return new Region(Level.CITY, name, null);
            }
            if ((ch == '区' || ch == '县') && len >= 3 && after != Level.DISTRICT && !NOT_DISTRICTS.contains(name.substring(len - 2))) {
                return new Region(Level.DISTRICT, name, null);
            }
        }
        return null;
    }

    private static boolean deeper(Level level, Level after) {
        return after == null || level.ordinal() > after.ordinal();
    }

    static boolean isHan(char ch) {
        return ch >= 0x4E00 && ch <= 0x9FFF || ch >= 0x3400 && ch <= 0x4DBF;
    }

    private static AdminRegions load() {
        var regions = new ArrayList<Region>();
        try (InputStream in = AdminRegions.class.getResourceAsStream("regions.tsv")) {
            if (in == null) {
                throw new IllegalStateException("regions.tsv is missing from the jar");
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                String code = f[0].strip();
                Level level = code.endsWith("0000") ? Level.PROVINCE : code.endsWith("00") ? Level.CITY : Level.DISTRICT;
                regions.add(new Region(level, f[1].strip(), code));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read regions.tsv", e);
        }
        return new AdminRegions(regions);
    }
}
