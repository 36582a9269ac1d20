package org.partymap.resident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partymap.auth.Role;
import org.partymap.db.Database;
import org.partymap.db.Sql;
import org.partymap.geocode.GeocodeFixtures;
import org.partymap.testing.Fixtures;
import org.partymap.testing.LogCapture;
import org.partymap.testing.TestAccounts;
import org.partymap.testing.TestDatabase;
import org.partymap.testing.TestServer;
import org.partymap.testing.TestServer.Session;

/**
 * Uploading a residents' register over HTTP: checked whole, geocoded in the background with its
 * progress polled, every row placed and assigned its grid, ID numbers masked on the way in, the
 * uncertain rows queued for review, a grid worker's rows of other grids left out and reported,
 * the import audited — and a bad file, or a failure while writing, leaves nothing behind.
 */
class ResidentImportIT {

    static final String HEADER = "序号,姓名,性别,出生日期,身份证号,联系电话,居住地址,户籍地址,人员类型,关爱类别";

    private static Database db;
    private static TestServer server;
    private static Session admin;
    private static Session worker;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        Fixtures.loadSample(db);
        GeocodeFixtures.loadEstate(db);
        TestAccounts.create(db, "admin", Role.ADMIN);
        TestAccounts.create(db, "worker", Role.GRID_WORKER, Fixtures.GRID_1);
        TestAccounts.create(db, "other-worker", Role.GRID_WORKER, Fixtures.GRID_3);
        server = TestServer.start(db, Map.of("PARTYMAP_IMPORT_MAX_MB", "1"));
        admin = server.login("admin");
        worker = server.login("worker");
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    /** A register in the demo's form: one row per {name, ID, address}; rows start on line 2. */
    static String register(String[]... rows) {
        var sb = new StringBuilder(HEADER).append("\r\n");
        for (int i = 0; i < rows.length; i++) {
            sb.append(i + 1).append(',').append(rows[i][0]).append(",男,1950-01-01,").append(rows[i][1]).append(",100")
                    .append(String.format("%08d", i)).append(',').append(rows[i][2]).append(",江苏省盐城市亭湖区,户籍人口,空巢老人、残疾人\r\n");
        }
        return sb.toString();
    }

    static byte[] bom(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[utf8.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, out, 3, utf8.length);
        return out;
    }

    static HttpResponse<String> upload(Session who, String query, byte[] body) {
        return server.call("POST", "/api/residents/imports?" + query).as(who).body(body, "text/csv").send();
    }

    /** Polls an import until it has finished (or failed); returns its last state. */
    static JsonNode await(Session who, HttpResponse<String> accepted) throws InterruptedException {
        return awaitOn(server, who, accepted);
    }

    static JsonNode awaitOn(TestServer server, Session who, HttpResponse<String> accepted) throws InterruptedException {
        assertEquals(202, accepted.statusCode(), accepted.body());
        String location = accepted.headers().firstValue("Location").orElseThrow();
        for (int i = 0; i < 600; i++) {
            HttpResponse<String> r = server.call("GET", location).as(who).send();
            assertEquals(200, r.statusCode(), r.body());
            JsonNode job = TestServer.json(r);
            if (!job.get("status").asText().equals("running")) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the import did not finish: " + location);
    }

    private static long count(String sql, Object... params) {
        return Sql.one(db.dataSource(), sql, rs -> rs.getLong(1), params).orElseThrow();
    }

    private static long residents() {
        return count("SELECT count(*) FROM resident");
    }

    @Test
    void anAdminsUtf8RegisterIsGeocodedAssignedMaskedQueuedAndAudited() throws Exception {
        String file = register(
                new String[] {"导入甲", "320902195001011234", "人民路12号"},
                new String[] {"导入乙", "32090219500101124x", "万方花园三号楼二单元501室"},
                new String[] {"导入丙", "320902195001011250", "江苏省盐城市亭湖区健康路15号"},
                new String[] {"导入丁", "", "不详"},
                new String[] {"导入戊", "320902500101125", "人民路"});
        JsonNode job = await(admin, upload(admin, "name=导入.csv", bom(file)));
        assertEquals("done", job.get("status").asText(), job.toString());
        assertEquals("UTF-8 (with BOM)", job.get("encoding").asText());
        JsonNode summary = job.get("summary");
        assertEquals(5, summary.get("imported").asInt(), summary.toString());
        assertEquals(3, summary.get("confident").asInt(), summary.toString());
        assertEquals(2, summary.get("to_review").asInt());
        assertEquals(List.of(5), ints(summary.at("/unmatched/lines")), "不详 on line 5 matches nothing");
        assertEquals(List.of(6), ints(summary.at("/uncertain/lines")), "a road alone is uncertain");
        assertEquals(3, summary.at("/by_level/address").asInt());

        long id = job.get("id").asLong();
        assertEquals(Fixtures.GRID_1, gridOf("导入甲"));
        assertEquals(Fixtures.GRID_1, gridOf("导入乙"));
        assertEquals(Fixtures.GRID_3, gridOf("导入丙"));
        assertEquals(List.of("320902********1234", "320902********124X", "320902********1250", "", "320902******125"),
                Sql.list(db.dataSource(), "SELECT coalesce(id_masked, '') FROM resident WHERE import_id = ? ORDER BY import_line",
                        rs -> rs.getString(1), id));
        assertEquals(List.of("ok", "ok", "ok", "review", "review"),
                Sql.list(db.dataSource(), "SELECT review_status FROM resident WHERE import_id = ? ORDER BY import_line", rs -> rs.getString(1), id));
        assertEquals(1, count("""
                SELECT count(*) FROM resident r JOIN address a ON a.id = r.address_id
                 WHERE r.name = '导入甲' AND a.full_address = '人民路12号' AND r.match_level = 'address' AND r.match_score >= 0.8"""));
        assertEquals(List.of("空巢老人", "残疾人"), Sql.one(db.dataSource(), "SELECT care_tags FROM resident WHERE name = '导入乙'",
                rs -> List.of((String[]) rs.getArray(1).getArray())).orElseThrow());
        assertEquals(0, count("SELECT count(*) FROM resident WHERE name = '导入丁' AND (geom IS NOT NULL OR grid_id IS NOT NULL)"));
        assertEquals(1, count("""
                SELECT count(*) FROM audit_log a JOIN app_user u ON u.id = a.user_id
                 WHERE a.action = 'resident_import' AND u.username = 'admin' AND a.target_id = ?
                   AND (a.detail ->> 'imported')::int = 5 AND a.detail ->> 'file' = '导入.csv'""", Long.toString(id)));
        assertEquals(0, count("""
                SELECT count(*) FROM (SELECT r::text AS t FROM resident r UNION ALL SELECT a::text FROM audit_log a
                                      UNION ALL SELECT i::text FROM resident_import i) x
                 WHERE t LIKE '%195001011234%' OR t LIKE '%19500101124%' OR t LIKE '%500101125%'"""),
                "no whole ID number, nor its birth date, is stored anywhere");
    }

    @Test
    void aGbkRegisterIsReadAsGbk() throws Exception {
        byte[] gbk = register(new String[] {"国标甲", "320902196002021111", "万方花园1幢1单元"}).getBytes(Charset.forName("GBK"));
        JsonNode job = await(admin, upload(admin, "name=gbk.csv", gbk));
        assertEquals("done", job.get("status").asText(), job.toString());
        assertEquals("GBK", job.get("encoding").asText());
        assertEquals(1, count("SELECT count(*) FROM resident WHERE name = '国标甲' AND address_text = '万方花园1幢1单元' AND review_status = 'ok'"));
    }

    @Test
    void columnsAreFoundByTheirUsualNamesInAnyOrder() throws Exception {
        String file = "地址,电话,名字,证件号码\n万方花园2幢2单元,0515-01234567,别名甲,320902197003031111\n";
        JsonNode job = await(admin, upload(admin, "name=aliases.csv", file.getBytes(StandardCharsets.UTF_8)));
        assertEquals("done", job.get("status").asText(), job.toString());
        assertEquals(1, count("SELECT count(*) FROM resident WHERE name = '别名甲' AND phone = '0515-01234567' AND id_masked = '320902********1111'"));
    }

    @Test
    void aBadFileIsRefusedNamingTheLineAndNothingIsWritten() {
        long before = residents();
        long jobs = count("SELECT count(*) FROM resident_import");
        String good = register(new String[] {"坏文件甲", "320902195001011234", "人民路12号"});
        Map<String, byte[]> bad = Map.of(
                "line 1: the header has no address column", "姓名,电话\n张三,100\n".getBytes(StandardCharsets.UTF_8),
                "line 2: 3 fields, but the header has 10", (HEADER + "\r\n1,甲,男\r\n").getBytes(StandardCharsets.UTF_8),
                "invalid byte on line 3", concat(good.getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xff, (byte) 0xfe, '\n'}),
                "line 2: 身份证号 is not an ID number", good.replace("320902195001011234", "3209021950010112").getBytes(StandardCharsets.UTF_8),
                "line 2: 居住地址 is empty", good.replace("人民路12号", "").getBytes(StandardCharsets.UTF_8),
                "line 2: 姓名 is empty", good.replace("坏文件甲", " ").getBytes(StandardCharsets.UTF_8),
                "no residents", (HEADER + "\r\n").getBytes(StandardCharsets.UTF_8),
                "a quoted field is never closed", (HEADER + "\r\n1,\"坏,男\r\n").getBytes(StandardCharsets.UTF_8));
        bad.forEach((expected, body) -> {
            HttpResponse<String> r = upload(admin, "name=bad.csv", body);
            assertEquals(422, r.statusCode(), expected + ": " + r.body());
            assertTrue(r.body().contains(expected), expected + " → " + r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertFalse(r.body().contains("3209021950010112"), "the refusal repeats no ID number");
        });
        assertEquals(400, upload(admin, "name=empty.csv", new byte[0]).statusCode());
        assertEquals(413, upload(admin, "name=huge.csv", new byte[1024 * 1024 + 1]).statusCode());
        assertEquals(before, residents());
        assertEquals(jobs, count("SELECT count(*) FROM resident_import"), "a refused file is no import");
    }

    @Test
    void aGridWorkerKeepsTheRowsOfTheirGridsAndHearsWhichWereLeftOutAndWhy() throws Exception {
        String file = register(
                new String[] {"网格甲", "320902195001012001", "人民路12号"},
                new String[] {"网格乙", "320902195001012002", "人民路13号"},
                new String[] {"网格丙", "320902195001012003", "健康路15号"},
                new String[] {"网格丁", "320902195001012004", "搬走了"});
        JsonNode job = await(worker, upload(worker, "name=worker.csv", file.getBytes(StandardCharsets.UTF_8)));
        assertEquals("done", job.get("status").asText(), job.toString());
        JsonNode summary = job.get("summary");
        assertEquals(4, summary.get("rows").asInt());
        assertEquals(2, summary.get("imported").asInt(), summary.toString());
        assertEquals(List.of(3, 4), ints(summary.at("/outside_your_grids/lines")));
        assertEquals(2, summary.at("/outside_your_grids/grids/" + Fixtures.GRID_3).asInt(), summary.toString());
        assertTrue(summary.at("/outside_your_grids/why").asText().contains("not imported"));
        assertEquals(0, count("SELECT count(*) FROM resident WHERE name IN ('网格乙', '网格丙')"));
        assertEquals(Fixtures.GRID_1, gridOf("网格甲"));
        assertEquals(1, count("SELECT count(*) FROM resident WHERE name = '网格丁' AND grid_id IS NULL AND review_status = 'review'"),
                "a row placed nowhere stays, in no grid, in its uploader's review queue");

        HttpResponse<String> other = server.call("GET", "/api/residents/imports/" + job.get("id").asLong()).as(server.login("other-worker")).send();
        assertEquals(404, other.statusCode(), "another worker cannot see the import");
        assertEquals(200, server.call("GET", "/api/residents/imports/" + job.get("id").asLong()).as(admin).send().statusCode());
    }

    @Test
    void theSameFileTwiceIsRefusedUnlessForced() throws Exception {
        byte[] file = register(new String[] {"重复甲", "320902195001013001", "万方花园4幢1单元"}).getBytes(StandardCharsets.UTF_8);
        assertEquals("done", await(admin, upload(admin, "name=twice.csv", file)).get("status").asText());
        HttpResponse<String> again = upload(admin, "name=twice.csv", file);
        assertEquals(409, again.statusCode(), again.body());
        assertTrue(again.body().contains("force=true"), again.body());
        assertEquals("done", await(admin, upload(admin, "name=twice.csv&force=true", file)).get("status").asText());
        assertEquals(2, count("SELECT count(*) FROM resident WHERE name = '重复甲'"));
    }

    @Test
    void aFailureWhileWritingLeavesNothingOfTheFileBehind() throws Exception {
        Sql.update(db.dataSource(), "ALTER TABLE resident ADD CONSTRAINT refuse_one_test_row CHECK (name <> '不可写')");
        try (LogCapture log = LogCapture.of(ResidentImportJobs.class)) {
            String file = register(
                    new String[] {"可写甲", "320902195001014001", "人民路12号"},
                    new String[] {"不可写", "320902195001014002", "万方花园1幢2单元"},
                    new String[] {"可写乙", "320902195001014003", "人民路13号"});
            JsonNode job = await(admin, upload(admin, "name=half.csv", file.getBytes(StandardCharsets.UTF_8)));
            assertEquals("failed", job.get("status").asText(), job.toString());
            assertTrue(job.get("error").asText().contains("nothing of the file was written"), job.toString());
            assertFalse(job.get("error").asText().contains("320902"), "the error quotes no row: " + job);
            assertEquals(0, count("SELECT count(*) FROM resident WHERE name IN ('可写甲', '可写乙', '不可写')"));
            assertEquals(1, count("SELECT count(*) FROM audit_log WHERE action = 'resident_import_failed' AND target_id = ?",
                    job.get("id").asText()));
            long deadline = System.nanoTime() + 10_000_000_000L; // the job's thread logs once the job reads as failed
            while (log.lines().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(List.of("WARN resident import " + job.get("id").asText() + " failed: ERROR: new row for relation \"resident\" "
                    + "violates check constraint \"refuse_one_test_row\""), log.lines());
        } finally {
            Sql.update(db.dataSource(), "ALTER TABLE resident DROP CONSTRAINT refuse_one_test_row");
        }
    }

    private static String gridOf(String name) {
        return Sql.one(db.dataSource(), "SELECT g.code FROM resident r JOIN grid g ON g.id = r.grid_id WHERE r.name = ?",
                rs -> rs.getString(1), name).orElse(null);
    }

    static List<Integer> ints(JsonNode array) {
        assertNotNull(array);
        var out = new java.util.ArrayList<Integer>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
