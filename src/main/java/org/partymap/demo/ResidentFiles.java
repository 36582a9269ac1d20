package org.partymap.demo;

import java.io.IOException;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.partymap.StartupException;
import org.partymap.demo.ResidentRegister.Resident;

/**
 * Writes the register as a grid worker would receive it, to be imported through the real import
 * path (never straight into the table): one file per community (UTF-8 with a byte-order mark and
 * CRLF, as spreadsheet programs save it), one file of everyone (UTF-8), one community again in
 * GBK, and beside them the truth file for the geocoding benchmark, which is not for import.
 */
final class ResidentFiles {

    static final String HEADER = "序号,姓名,性别,出生日期,身份证号,联系电话,居住地址,户籍地址,人员类型,关爱类别";
    static final String TRUTH_HEADER = "row,file,line,address_id,standard_address,room,lon,lat,grid_code,community,"
            + "geocodable,style,expected_level,written";
    static final String GBK_COMMUNITY = "莲花路社区";

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private ResidentFiles() {
    }

    /** Writes the rendered files under {@code dir}, in place of the community files of an earlier run. */
    static void write(Map<String, byte[]> files, Path dir) {
        try {
            Path communities = Files.createDirectories(dir.resolve("residents"));
            try (var old = Files.list(communities)) {
                for (Path p : old.filter(p -> p.toString().endsWith(".csv")).toList()) {
                    Files.delete(p);
                }
            }
            for (var f : files.entrySet()) {
                Files.write(dir.resolve(f.getKey()), f.getValue());
            }
        } catch (IOException e) {
            throw new StartupException("cannot write the residents' register under " + dir + ": " + e.getMessage());
        }
    }

    /** The files' names (relative) and contents. */
    static Map<String, byte[]> render(List<Resident> residents) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        var all = new StringBuilder(HEADER).append('\n');
        var truth = new StringBuilder(TRUTH_HEADER).append('\n');
        Map<String, StringBuilder> perCommunity = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (int i = 0; i < residents.size(); i++) {
            Resident r = residents.get(i);
            String file = "residents/" + r.community().code + "_" + r.community().name + ".csv";
            StringBuilder sb = perCommunity.computeIfAbsent(file, k -> new StringBuilder(HEADER).append("\r\n"));
            int line = lines.merge(file, 1, Integer::sum) + 1;
            String row = row(i + 1, r);
            sb.append(row).append("\r\n");
            all.append(row).append('\n');
            truth.append(truth(i + 1, file, line, r)).append('\n');
        }
        for (var e : perCommunity.entrySet()) {
            files.put(e.getKey(), withBom(e.getValue().toString().getBytes(StandardCharsets.UTF_8)));
        }
        files.put("residents.csv", all.toString().getBytes(StandardCharsets.UTF_8));
        String gbk = perCommunity.entrySet().stream().filter(e -> e.getKey().endsWith("_" + GBK_COMMUNITY + ".csv"))
                .map(e -> e.getValue().toString()).findFirst().orElseThrow();
        files.put("residents_gbk_sample.csv", gbk(gbk));
        files.put("residents_truth.csv", truth.toString().getBytes(StandardCharsets.UTF_8));
        files.put("README.txt", readme(residents.size()).getBytes(StandardCharsets.UTF_8));
        return files;
    }

    private static String row(int n, Resident r) {
        var f = new ArrayList<String>();
        f.add(Integer.toString(n));
        f.add(r.name());
        f.add(r.male() ? "男" : "女");
        f.add(String.format(Locale.ROOT, "%04d-%02d-%02d", r.year(), r.month(), r.day()));
        f.add(r.idNumber());
        f.add(r.phone());
        f.add(r.written().text());
        f.add(r.registered());
        f.add(r.kind());
        f.add(String.join("、", r.care()));
        return csv(f);
    }

    private static String truth(int n, String file, int line, Resident r) {
        var a = r.address();
        var f = new ArrayList<String>();
        f.add(Integer.toString(n));
        f.add(file);
        f.add(Integer.toString(line));
        f.add(Integer.toString(a.id));
        f.add(a.full);
        f.add(r.room() == null ? "" : r.room());
        f.add(String.format(Locale.ROOT, "%.7f", a.point.x));
        f.add(String.format(Locale.ROOT, "%.7f", a.point.y));
        f.add(a.block.grid.code);
        f.add(r.community().name);
        f.add(Boolean.toString(!r.written().level().equals("none")));
        f.add(r.written().style());
        f.add(r.written().level());
        f.add(r.written().text());
        return csv(f);
    }

    /** One CSV line, quoting fields that need it (RFC 4180). */
    static String csv(List<String> fields) {
        var sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            String v = fields.get(i);
            if (i > 0) {
                sb.append(',');
            }
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                sb.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(v);
            }
        }
        return sb.toString();
    }

    /** GBK bytes; a character GBK lacks is an error here, not a silent question mark. */
    private static byte[] gbk(String text) {
        try {
            var buffer = Charset.forName("GBK").newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            byte[] out = new byte[buffer.remaining()];
            buffer.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("the GBK sample has a character GBK lacks: " + e.getMessage(), e);
        }
    }

    private static byte[] withBom(byte[] bytes) {
        byte[] out = new byte[bytes.length + BOM.length];
        System.arraycopy(BOM, 0, out, 0, BOM.length);
        System.arraycopy(bytes, 0, out, BOM.length, bytes.length);
        return out;
    }

    /** SHA-256 of the files' names and bytes, in order. */
    static String digest(Map<String, byte[]> files) {
        try {
            var md = MessageDigest.getInstance("SHA-256");
            for (var f : files.entrySet()) {
                md.update(f.getKey().getBytes(StandardCharsets.UTF_8));
                md.update(f.getValue());
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String readme(int count) {
        return """
                partymap demo district: the resident register (居民信息登记表)
                ==========================================================

                Every person in these files is fictitious. Names are drawn from common surnames and
                given-name characters; ID numbers have region 320902 and a deliberately wrong check
                digit; mobile-style numbers begin with 100 and landline-style numbers have a local
                part beginning with 0, which no real number in China has.

                residents/<community code>_<name>.csv  one file per community: UTF-8 with a byte-order
                                                       mark, CRLF line ends (as spreadsheets save CSV)
                residents.csv                          all %d residents in one file (UTF-8, LF)
                residents_gbk_sample.csv               the %s file again, in GBK
                residents_truth.csv                    NOT for import: for each row (序号) the true
                                                       standard address, room, point and grid, whether
                                                       the written address can be geocoded at all, how
                                                       it was written and the level a geocoder can reach

                Columns: 序号 (row, the same in every file), 姓名, 性别, 出生日期, 身份证号, 联系电话,
                居住地址 (where the person lives, written the many ways people write it), 户籍地址
                (household registration), 人员类型 (户籍人口 / 流动人口 / 寄住人口), 关爱类别 (care
                tags, separated by 、).

                Import them with partymap's resident import; they are not loaded by the demo itself.
                """.formatted(count, GBK_COMMUNITY);
    }
}
