package org.partymap.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.partymap.demo.District.Address;
import org.partymap.io.ChineseNumerals;

/**
 * Writes a home address the many ways people write it in a register: the standard form, with the
 * province, city and district in front, with the subdistrict or community, the compact estate
 * form 3-2-501, Chinese numerals (三号楼, 十二栋, 五零一室), full-width digits, other words for a
 * building (栋, 号楼, 座, #), spaces and brackets, the street gate before the estate, parts left
 * out, and now and then a mistyped character. Each way says how precisely a good geocoder can
 * still place it (the expected match level).
 */
final class AddressStyles {

    static final String PREFIX = "江苏省盐城市亭湖区";

    /** An address as written, how, and to what level it can be matched. */
    record Written(String text, String style, String level) {
    }

    /** A home: the standard address, the room (null for a house), and the areas it lies in. */
    record Home(Address address, String room, String subdistrict, String community) {
    }

    private static final Map<String, Integer> WEIGHTS = new LinkedHashMap<>();

    static {
        WEIGHTS.put("standard", 16);
        WEIGHTS.put("full", 15);
        WEIGHTS.put("city", 9);
        WEIGHTS.put("compact", 12);
        WEIGHTS.put("chinese", 8);
        WEIGHTS.put("fullwidth", 6);
        WEIGHTS.put("synonym", 10);
        WEIGHTS.put("spaces", 5);
        WEIGHTS.put("gate", 5);
        WEIGHTS.put("community", 3);
        WEIGHTS.put("missing", 8);
        WEIGHTS.put("typo", 3);
    }

    private final Map<Character, List<Character>> near = new LinkedHashMap<>();
    private final int total = WEIGHTS.values().stream().mapToInt(Integer::intValue).sum();

    AddressStyles(DemoInputs inputs) {
        for (String line : inputs.lines("near_characters.txt")) {
            var chars = DemoInputs.words(line);
            var others = new ArrayList<Character>();
            chars.subList(1, chars.size()).forEach(c -> others.add(c.charAt(0)));
            near.put(chars.get(0).charAt(0), others);
        }
    }

    Written write(Home h, SplittableRandom rnd) {
        int r = rnd.nextInt(total);
        String style = "standard";
        for (var e : WEIGHTS.entrySet()) {
            r -= e.getValue();
            if (r < 0) {
                style = e.getKey();
                break;
            }
        }
        return h.address().onRoad() ? road(h, style, rnd) : unit(h, style, rnd);
    }

    private Written unit(Home h, String style, SplittableRandom rnd) {
        Address a = h.address();
        String estate = a.site.name;
        String b = a.building.number;
        String u = Integer.toString(a.unit);
        String room = h.room();
        String standard = estate + b + "幢" + u + "单元" + room + "室";
        return switch (style) {
            case "full" -> new Written(PREFIX + areas(h, rnd) + standard, style, "address");
            case "city" -> new Written((rnd.nextBoolean() ? "盐城市亭湖区" : "亭湖区") + standard, style, "address");
            case "compact" -> new Written(estate + b + "-" + u + "-" + room, style, "address");
            case "chinese" -> new Written(estate + ChineseNumerals.of(Integer.parseInt(b)) + pick(rnd, "号楼", "幢", "栋")
                    + ChineseNumerals.of(a.unit) + "单元" + ChineseNumerals.digits(room) + "室", style, "address");
            case "fullwidth" -> new Written(fullWidth(standard), style, "address");
            case "synonym" -> new Written(estate + b + pick(rnd, "栋", "号楼", "座", "#") + u + "单元" + room
                    + pick(rnd, "室", "", "房"), style, "address");
            case "spaces" -> new Written(rnd.nextBoolean() ? estate + " " + b + "幢 " + u + "单元 " + room + "室"
                    : estate + "（" + b + "幢）" + u + "单元" + room + "室", style, "address");
            case "gate" -> a.site.gate == null ? new Written(standard, "standard", "address")
                    : new Written(a.site.gate.full + standard, style, "address");
            case "community" -> new Written(h.community() + standard, style, "address");
            case "missing" -> switch (rnd.nextInt(4)) {
                case 0 -> new Written(estate + b + "幢" + room + "室", style, "building");
                case 1 -> new Written(estate + b + "幢", style, "building");
                case 2 -> new Written(estate + b + "幢" + u + "单元", style, "address");
                default -> new Written(estate, style, "estate");
            };
            case "typo" -> new Written(typo(estate, rnd) + b + "幢" + u + "单元" + room + "室", style, "address");
            default -> new Written(standard, "standard", "address");
        };
    }

    private Written road(Home h, String style, SplittableRandom rnd) {
        Address a = h.address();
        String road = a.road();
        String number = a.houseNumber();
        String tail = h.room() == null ? "" : h.room() + "室";
        String standard = road + number + "号" + tail;
        return switch (style) {
            case "full" -> new Written(PREFIX + areas(h, rnd) + standard, style, "address");
            case "city", "gate" -> new Written((rnd.nextBoolean() ? "盐城市亭湖区" : "亭湖区") + standard, "city", "address");
            case "chinese" -> new Written(road + chineseNumber(a) + tail, style, "address");
            case "fullwidth" -> new Written(fullWidth(standard), style, "address");
            case "spaces", "synonym" -> new Written(road + " " + number + "号" + (tail.isEmpty() ? "" : " " + tail), "spaces", "address");
            case "community" -> new Written(h.community() + standard, style, "address");
            case "missing" -> new Written(road, style, "street");
            case "typo" -> new Written(typo(road, rnd) + number + "号" + tail, style, "address");
            default -> new Written(standard, "standard", "address");
        };
    }

    /** The subdistrict and community, both, either or neither, as people put them after the district. */
    private static String areas(Home h, SplittableRandom rnd) {
        return switch (rnd.nextInt(4)) {
            case 0 -> h.subdistrict() + h.community();
            case 1 -> h.subdistrict();
            case 2 -> h.community();
            default -> "";
        };
    }

    /** 十二号, or for a split number 十二号之一. */
    private static String chineseNumber(Address a) {
        String base = ChineseNumerals.of(a.number) + "号";
        return a.sub == 0 ? base : base + "之" + ChineseNumerals.of(a.sub);
    }

    private String typo(String name, SplittableRandom rnd) {
        var positions = new ArrayList<Integer>();
        for (int i = 0; i < name.length(); i++) {
            if (near.containsKey(name.charAt(i))) {
                positions.add(i);
            }
        }
        if (positions.isEmpty()) {
            return name;
        }
        int i = positions.get(rnd.nextInt(positions.size()));
        List<Character> options = near.get(name.charAt(i));
        return name.substring(0, i) + options.get(rnd.nextInt(options.size())) + name.substring(i + 1);
    }

    static String fullWidth(String s) {
        var sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            sb.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : c == '-' ? '－' : c == '#' ? '＃' : c);
        }
        return sb.toString();
    }

    private static String pick(SplittableRandom rnd, String... options) {
        return options[rnd.nextInt(options.length)];
    }
}
