package org.partymap.resident;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.partymap.io.CsvTable;

/**
 * A register of residents as grid workers keep it (居民信息登记表): a CSV file in UTF-8 or GBK
 * (detected) whose columns are found by their Chinese names as the demo and the usual forms write
 * them, or by English aliases. Only the name and the address where the person lives are required;
 * every other column is optional and columns not listed here are ignored. Every row is checked
 * before anything is geocoded or written; a file with any bad row is refused whole, each problem
 * naming its line. ID numbers are masked as each row is read ({@link IdNumberMask}): the whole
 * number never leaves this class.
 */
public final class ResidentFile {

    static final List<String> NAME = List.of("姓名", "名字", "居民姓名", "name");
    static final List<String> ADDRESS = List.of("居住地址", "现住址", "现居住地址", "现居地址", "居住地", "住址", "家庭住址",
            "地址", "address");
    static final List<String> ID_NUMBER = List.of("身份证号", "身份证号码", "公民身份号码", "证件号码", "身份证", "id_number");
    static final List<String> PHONE = List.of("联系电话", "电话", "手机", "手机号", "手机号码", "联系方式", "phone");
    static final List<String> CARE = List.of("关爱类别", "关爱对象", "关爱标签", "重点人群", "care_tags", "care");

    static final int MAX_NAME = 64;
    static final int MAX_ADDRESS = 300;
    static final int MAX_TAGS = 10;
    static final int MAX_TAG = 16;
    /** Problems listed in a refusal; the rest are counted. */
    static final int MAX_PROBLEMS = 20;
    private static final Pattern PHONE_TEXT = Pattern.compile("[0-9+() -]{3,24}");
    private static final Pattern TAG_SEPARATORS = Pattern.compile("[、,，;；/|\\s]+");

    /** One resident as read: the ID already masked (null when the file gives none). */
    public record Row(int line, String name, String phone, String idMasked, String address, List<String> careTags) {
    }

    /** A readable register: its rows and the encoding it was found in. */
    public record Parsed(List<Row> rows, String encoding) {
    }

    /** A file that cannot be imported as it is; every problem names its line. */
    public static final class Refused extends RuntimeException {
        private final List<String> problems;

        Refused(List<String> problems) {
            super(problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : ""));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    private ResidentFile() {
    }

    public static Parsed read(byte[] bytes) {
        CsvTable.Read read;
        try {
            read = CsvTable.readKeepingProblems(bytes);
        } catch (CsvTable.CsvException e) {
            throw new Refused(List.of(e.getMessage()));
        }
        CsvTable table = read.table();
        int name = required(table, NAME, "name");
        int address = required(table, ADDRESS, "address");
        Optional<Integer> id = table.column(ID_NUMBER.toArray(String[]::new));
        Optional<Integer> phone = table.column(PHONE.toArray(String[]::new));
        Optional<Integer> care = table.column(CARE.toArray(String[]::new));
        if (table.rows().isEmpty() && table.problems().isEmpty()) {
            throw new Refused(List.of("the file has a header but no residents"));
        }
        var rows = new ArrayList<Row>(table.rows().size());
        var problems = new Problems(table.header());
        table.problems().forEach(p -> problems.add(p.line(), p.message()));
        for (CsvTable.Row r : table.rows()) {
            List<String> f = r.fields();
            int line = r.line();
            String n = problems.text(line, name, f.get(name), MAX_NAME);
            String a = problems.text(line, address, f.get(address), MAX_ADDRESS);
            String masked = id.map(i -> problems.idNumber(line, i, f.get(i))).orElse(null);
            String p = phone.map(i -> problems.phone(line, i, f.get(i))).orElse(null);
            List<String> tags = care.map(i -> problems.tags(line, i, f.get(i))).orElse(List.of());
            rows.add(new Row(line, n, p, masked, a, tags));
        }
        problems.refuseIfAny();
        return new Parsed(List.copyOf(rows), read.encoding());
    }

    private static int required(CsvTable table, List<String> names, String what) {
        return table.column(names.toArray(String[]::new)).orElseThrow(() -> new Refused(List.of("line 1: the header has no "
                + what + " column (" + String.join(", ", names) + "); its columns are: " + String.join(", ", table.header()))));
    }

    /** The problems found so far; values are never repeated in them (they are personal data). */
    private static final class Problems {
        private final List<String> header;
        private final List<CsvTable.Problem> found = new ArrayList<>();

        Problems(List<String> header) {
            this.header = header;
        }

        void add(int line, String what) {
            found.add(new CsvTable.Problem(line, what));
        }

        private void add(int line, int column, String what) {
            add(line, header.get(column) + " " + what);
        }

        String text(int line, int column, String raw, int max) {
            String v = raw.strip();
            if (v.isEmpty()) {
                add(line, column, "is empty");
            } else if (v.length() > max) {
                add(line, column, "is longer than " + max + " characters");
            } else if (v.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7F)) {
                add(line, column, "contains control characters");
            }
            return v;
        }

        String idNumber(int line, int column, String raw) {
            String v = raw.strip();
            if (v.isEmpty()) {
                return null;
            }
            if (!IdNumberMask.isIdNumber(v)) {
                add(line, column, "is not an ID number (18 characters: 17 digits and a digit or X; or 15 digits)");
                return null;
            }
            return IdNumberMask.mask(v);
        }

        String phone(int line, int column, String raw) {
            String v = raw.strip();
            if (v.isEmpty()) {
                return null;
            }
            if (!PHONE_TEXT.matcher(v).matches()) {
                add(line, column, "is not a phone number (digits, spaces, + - ( ), at most 24 characters)");
            }
            return v;
        }

        List<String> tags(int line, int column, String raw) {
            var tags = new LinkedHashSet<String>();
            for (String t : TAG_SEPARATORS.split(raw.strip())) {
                if (!t.isEmpty()) {
                    tags.add(t);
                }
            }
            if (tags.size() > MAX_TAGS || tags.stream().anyMatch(t -> t.length() > MAX_TAG)) {
                add(line, column, "has more than " + MAX_TAGS + " care tags or one longer than " + MAX_TAG + " characters");
            }
            return List.copyOf(tags);
        }

        /** Refuses the file with its problems in line order, whatever their kind: the first {@value ResidentFile#MAX_PROBLEMS}, then a count. */
        void refuseIfAny() {
            if (found.isEmpty()) {
                return;
            }
            found.sort(Comparator.comparingInt(CsvTable.Problem::line)); // stable: a line's problems keep their column order
            var listed = new ArrayList<String>();
            for (CsvTable.Problem p : found.subList(0, Math.min(found.size(), MAX_PROBLEMS))) {
                listed.add(p.toString());
            }
            if (found.size() > MAX_PROBLEMS) {
                listed.add("… and " + (found.size() - MAX_PROBLEMS) + " more");
            }
            throw new Refused(listed);
        }
    }
}
