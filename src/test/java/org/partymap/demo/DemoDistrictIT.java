package org.partymap.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.coverage.CoverageGapFinder;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBReader;
import org.partymap.StartupException;
import org.partymap.db.Database;
import org.partymap.db.Sql;
import org.partymap.testing.Fixtures;
import org.partymap.testing.TestDatabase;

/** The generated demo district, checked against the invariants the issue sets. Generated once for the class. */
class DemoDistrictIT {

    /**
     * The digest of every byte the generator writes from the committed inputs, as it came out on the
     * machine the generator was written on. Another machine must give the same. When you change the
     * generator or data/demo on purpose, run ./partymap generate-demo and put the digest it prints here.
     */
    static final String DIGEST = "1705e5b787ba57797c70dcbdc3d5d3e08931fddf7c9acd7bf6dcc954f47e045c";

    private static Database db;
    private static Path home;
    private static DemoDistrict.Result result;

    @BeforeAll
    static void generate() {
        db = TestDatabase.fresh();
        home = TestDatabase.newHome("partymap-demo");
        result = DemoDistrict.generate(db.dataSource(), Path.of("data"), home, false, null);
    }

    @AfterAll
    static void close() {
        db.close();
        TestDatabase.deleteTree(home);
    }

    private static long count(String sql, Object... params) {
        return Sql.one(db.dataSource(), sql, rs -> rs.getLong(1), params).orElseThrow();
    }

    private static List<String> texts(String sql) {
        return Sql.list(db.dataSource(), sql, rs -> rs.getString(1));
    }

    /** The README's section on the demo district, its white space folded (Markdown wraps lines anywhere). */
    private static String readmeDemoSection() throws java.io.IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("## The demo district");
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end).replaceAll("\\s+", " ").replace("**", "");
    }

    @Test
    void theReadmesFiguresAreTheCountsOfTheGeneratedDistrict() throws Exception {
        String section = readmeDemoSection();
        var counts = org.partymap.health.DistrictCounts.of(db.dataSource());
        for (String name : List.of("subdistricts", "communities", "grids", "buildings", "standard addresses", "households",
                "party groups", "member households", "stations")) {
            String phrase = counts.phrase(name);
            assertTrue(section.contains(phrase), "README's demo section should say " + phrase + " (./partymap stats on the demo)");
        }
    }

    @Test
    void theReadmesExampleAddressesAreStandardAddressesOfTheDemo() throws Exception {
        var examples = java.util.regex.Pattern.compile("standard addresses \\(([^)]*)\\)").matcher(readmeDemoSection());
        assertTrue(examples.find(), "the README gives examples of standard addresses");
        for (String address : examples.group(1).split(", ")) {
            assertEquals(1, count("SELECT count(*) FROM address WHERE full_address = ?", address), address + " is no standard address; some are "
                    + texts("SELECT full_address FROM address WHERE road = '人民路' AND unit IS NULL ORDER BY length(full_address), full_address LIMIT 8")
                    + " and " + texts("SELECT full_address FROM address WHERE full_address LIKE '万方花园%' ORDER BY full_address LIMIT 8"));
        }
    }

    @Test
    void theSourcesCountsHoldExactly() {
        assertEquals(268, count("SELECT count(*) FROM grid"));
        assertEquals(1030, count("SELECT count(*) FROM party_group"));
        assertEquals(7, count("SELECT count(*) FROM subdistrict"));
        long communities = count("SELECT count(*) FROM community");
        assertTrue(communities >= 50 && communities <= 60, communities + " communities");
        assertTrue(count("SELECT count(*) FROM building") >= 10_000);
        assertTrue(count("SELECT count(*) FROM address") >= 40_000);
        assertTrue(count("SELECT count(*) FROM grid WHERE kind = 'dedicated'") >= 5, "some dedicated grids");
        assertEquals(0, count("SELECT count(*) FROM party_group p WHERE NOT EXISTS (SELECT 1 FROM building b WHERE b.party_group_id = p.id)"),
                "every party group covers buildings");
        assertEquals(0, count("""
                SELECT count(*) FROM building b JOIN party_group p ON p.id = b.party_group_id WHERE p.grid_id <> b.grid_id"""),
                "a party group's buildings are all in its grid");
        assertTrue(count("SELECT count(*) FROM member_household") >= 1030);
    }

    @Test
    void theNamedSubdistrictsAndCommunitiesOfTheSourceAreThere() {
        assertEquals(List.of("东亭湖街道", "五星街道", "先锋街道", "大洋街道", "文峰街道", "新洋街道", "毓龙街道"),
                texts("SELECT name FROM subdistrict ORDER BY name"));
        for (String[] pair : new String[][] {{"莲花路社区", "先锋街道"}, {"健康路社区", "先锋街道"}, {"盐海社区", "大洋街道"},
                {"童家沟社区", "新洋街道"}, {"南映社区", "东亭湖街道"}}) {
            assertEquals(1, count("SELECT count(*) FROM community c JOIN subdistrict s ON s.id = c.subdistrict_id WHERE c.name = ? AND s.name = ?",
                    pair[0], pair[1]), pair[0]);
        }
        assertEquals(1, count("""
                SELECT count(DISTINCT s.name) FROM street s JOIN community c ON c.name = '莲花路社区'
                 WHERE s.name = '莲花路' AND ST_DWithin(s.geom::geography, c.geom::geography, 20)"""), "莲花路 runs by 莲花路社区");
        assertEquals(0, count("SELECT count(*) FROM community WHERE code NOT LIKE (SELECT code FROM subdistrict s WHERE s.id = subdistrict_id) || '___'"));
        assertEquals(0, count("SELECT count(*) FROM grid WHERE code NOT LIKE (SELECT code FROM community c WHERE c.id = community_id) || '___'"));
        assertEquals(0, count("SELECT count(*) FROM subdistrict WHERE code !~ '^320902[0-9]{3}$'"));
    }

    @Test
    void everyGridHasItsBranchLeaderDutiesAndServingStation() {
        assertEquals(0, count("""
                SELECT count(*) FROM grid g JOIN community c ON c.id = g.community_id
                 WHERE g.branch_name <> c.name || g.name || '党支部' OR g.name !~ '^第[一二三四五六七八九十]+网格$'
                    OR g.leader_name IS NULL OR g.leader_phone !~ '^100[0-9]{8}$' OR cardinality(g.duties) <> 9
                    OR g.station_id IS NULL OR jsonb_array_length(g.contacts) < 1"""));
        assertEquals(0, count("""
                SELECT count(*) FROM grid g JOIN station s ON s.id = g.station_id
                 WHERE NOT (s.kind = 'grid_station' AND s.grid_id = g.id
                            OR s.kind = 'service_centre' AND s.community_id = g.community_id
                               AND NOT EXISTS (SELECT 1 FROM station x WHERE x.kind = 'grid_station' AND x.grid_id = g.id))"""),
                "served by its own 网格驿站, else by its community's 党群服务中心");
    }

    @Test
    void theStationsOfTheSourceAreThereWithHoursPhonesAndServices() {
        assertEquals(count("SELECT count(*) FROM community"), count("SELECT count(DISTINCT community_id) FROM station WHERE kind = 'service_centre'"));
        assertEquals(count("SELECT count(*) FROM community"), count("SELECT count(*) FROM station WHERE kind = 'service_centre'"));
        assertTrue(count("SELECT count(*) FROM station WHERE kind = 'grid_station'") >= 150);
        assertTrue(count("SELECT count(*) FROM station WHERE kind = 'activity_room'") >= 200);
        assertTrue(count("SELECT count(*) FROM station WHERE kind = 'reading_room'") >= 50);
        assertEquals(0, count("SELECT count(*) FROM station WHERE address IS NULL OR hours IS NULL OR phone !~ '^0515-0[0-9]{7}$' OR cardinality(services) = 0"));
        assertEquals(1, count("""
                SELECT count(*) FROM station s JOIN estate e ON e.name = '万方花园'
                  JOIN grid g ON g.id = s.grid_id AND ST_Covers(g.geom, ST_PointOnSurface(e.geom))
                 WHERE s.kind = 'grid_station' AND s.name = '万方花园网格驿站'"""));
        assertEquals(0, count("SELECT count(*) FROM station s JOIN address a ON a.full_address = s.address WHERE a.grid_id <> s.grid_id"),
                "a station's address is in its grid");
        for (String service : List.of("图书室", "健康鹤之声", "周末戏台", "就业帮扶360", "放学来吧", "阳光助学", "宜馨关爱之家", "助残服务站")) {
            assertTrue(count("SELECT count(*) FROM station WHERE ? = ANY (services)", service) > 0, service);
        }
    }

    @Test
    void eachCommunitysGridsCoverItWithNoGapAndNoOverlap() throws Exception {
        assertEquals(0, count("""
                SELECT count(*) FROM community c
                 WHERE ST_Area(ST_SymDifference(c.geom, (SELECT ST_Union(g.geom) FROM grid g WHERE g.community_id = c.id))::geography) > 0.01
                    OR abs(ST_Area(c.geom::geography) - (SELECT sum(ST_Area(g.geom::geography)) FROM grid g WHERE g.community_id = c.id)) > 0.01"""));
        Geometry[] grids = geometries("SELECT ST_AsBinary(geom) FROM grid ORDER BY id");
        for (Geometry invalid : CoverageValidator.validate(grids)) {
            assertNull(invalid, "the grids form a valid coverage: no overlap, edges that match exactly");
        }
        Geometry[] communities = geometries("SELECT ST_AsBinary(geom) FROM community ORDER BY id");
        for (Geometry invalid : CoverageValidator.validate(communities)) {
            assertNull(invalid);
        }
        assertTrue(CoverageGapFinder.findGaps(grids, 1e-5).isEmpty(), "no gap narrower than a metre between grids");
        assertEquals(0, count("SELECT count(*) FROM grid WHERE GeometryType(ST_CollectionExtract(geom)) = 'MULTIPOLYGON' AND ST_NumGeometries(geom) > 1"),
                "every grid is one contiguous piece");
    }

    @Test
    void everyGridLiesInItsCommunityAndEveryCommunityInItsSubdistrict() {
        assertEquals(0, count("SELECT count(*) FROM grid g JOIN community c ON c.id = g.community_id WHERE NOT ST_CoveredBy(g.geom, c.geom)"));
        assertEquals(0, count("SELECT count(*) FROM community c JOIN subdistrict s ON s.id = c.subdistrict_id WHERE NOT ST_CoveredBy(c.geom, s.geom)"));
    }

    @Test
    void everyGridBoundaryRunsAlongAStreetCentreLineOrTheCommunityBoundary() {
        var off = texts("""
                SELECT g.code || ' ' || round(ST_Length(ST_Difference(ST_Transform(ST_Boundary(g.geom), 4549),
                         ST_Buffer(ST_Transform(ST_Collect(ARRAY(SELECT s.geom FROM street s WHERE s.geom && g.geom)
                                                     || ST_Boundary(c.geom)), 4549), 0.5)))::numeric, 2)
                  FROM grid g JOIN community c ON c.id = g.community_id
                 WHERE ST_Length(ST_Difference(ST_Transform(ST_Boundary(g.geom), 4549),
                         ST_Buffer(ST_Transform(ST_Collect(ARRAY(SELECT s.geom FROM street s WHERE s.geom && g.geom)
                                                     || ST_Boundary(c.geom)), 4549), 0.5))) > 0.001""");
        assertEquals(List.of(), off, "metres of grid boundary further than 0.5 m from any street or the community boundary");
        assertEquals(0, count("""
                SELECT count(*) FROM community c
                 WHERE ST_Length(ST_Difference(ST_Transform(ST_Boundary(c.geom), 4549),
                         ST_Buffer(ST_Transform(ST_Collect(ARRAY(SELECT s.geom FROM street s WHERE s.geom && c.geom AND s.class IN ('axis', 'main'))), 4549), 0.5))) > 0.001"""),
                "community boundaries run along main streets and axes");
        assertEquals(0, count("""
                SELECT count(*) FROM subdistrict d
                 WHERE ST_Length(ST_Difference(ST_Transform(ST_Boundary(d.geom), 4549),
                         ST_Buffer(ST_Transform(ST_Collect(ARRAY(SELECT s.geom FROM street s WHERE s.geom && d.geom AND s.class = 'axis')), 4549), 0.5))) > 0.001"""),
                "subdistrict boundaries run along axes");
    }

    @Test
    void everyAddressBuildingAndStationLiesInExactlyOneGridTheOneItNames() {
        assertEquals(0, count("SELECT count(*) FROM address a WHERE (SELECT count(*) FROM grid g WHERE ST_Covers(g.geom, a.geom)) <> 1"));
        assertEquals(0, count("SELECT count(*) FROM address a JOIN grid g ON g.id = a.grid_id WHERE NOT ST_Covers(g.geom, a.geom)"));
        assertEquals(0, count("SELECT count(*) FROM address WHERE grid_id IS NULL"));
        assertEquals(0, count("SELECT count(*) FROM building b JOIN grid g ON g.id = b.grid_id WHERE NOT ST_Covers(g.geom, b.point)"));
        assertEquals(0, count("SELECT count(*) FROM station s JOIN grid g ON g.id = s.grid_id WHERE NOT ST_Covers(g.geom, s.geom)"));
    }

    @Test
    void streetsAreNodedSoThatCrossingSegmentsShareAnEndVertex() {
        assertEquals(0, count("""
                SELECT count(*) FROM street a JOIN street b ON a.id < b.id AND a.geom && b.geom AND ST_Intersects(a.geom, b.geom)
                 WHERE NOT ST_CoveredBy(ST_Intersection(a.geom, b.geom),
                           ST_Intersection(ST_Collect(ST_StartPoint(a.geom), ST_EndPoint(a.geom)),
                                           ST_Collect(ST_StartPoint(b.geom), ST_EndPoint(b.geom))))"""));
        assertTrue(count("""
                SELECT count(*) FROM street s JOIN waterway w ON ST_Crosses(s.geom, w.geom)""") >= 10, "bridges cross the canal");
        assertEquals(10, count("SELECT count(DISTINCT name) FROM street WHERE name IN ('人民路', '解放路', '开放大道', '建军路', '青年路', '毓龙路', '大庆路', '文港路', '迎宾大道', '希望大道') AND class = 'axis'"));
    }

    @Test
    void houseNumbersAreOddOnTheLeftEvenOnTheRightAndRiseAlongEachStreet() {
        assertEquals(0, count("SELECT count(*) FROM street WHERE left_from % 2 = 0 OR left_to % 2 = 0 OR right_from % 2 = 1 OR right_to % 2 = 1"));
        assertEquals(0, count("SELECT count(*) FROM street WHERE left_to < left_from OR right_to < right_from"));
        assertEquals(0, count("""
                SELECT count(*) FROM address a JOIN street s ON s.id = a.street_id
                 WHERE split_part(a.house_number, '-', 1)::int NOT BETWEEN least(s.left_from, s.right_from) AND greatest(s.left_to, s.right_to)
                    OR a.road <> s.name"""), "a house number lies in its segment's range");
        assertEquals(0, count("""
                SELECT count(*) FROM (SELECT name, left_from, lag(left_to) OVER (PARTITION BY name ORDER BY left_from) AS before
                                        FROM street WHERE left_from IS NOT NULL) x
                 WHERE left_from < before"""), "ranges rise along each named street");
    }

    @Test
    void addressesAreWrittenTheStandardWay() {
        assertEquals(0, count("""
                SELECT count(*) FROM address
                 WHERE NOT (road IS NOT NULL AND full_address = road || house_number || '号' AND house_number ~ '^[0-9]+(-[0-9]+)?$'
                            OR estate_id IS NOT NULL AND building_id IS NOT NULL AND unit ~ '^[0-9]+$'
                               AND full_address = (SELECT e.name FROM estate e WHERE e.id = estate_id)
                                                  || (SELECT b.name FROM building b WHERE b.id = building_id) || unit || '单元')"""));
        assertEquals(1, count("SELECT count(*) FROM estate WHERE name = '万方花园'"));
        assertTrue(count("SELECT count(*) FROM address WHERE full_address LIKE '万方花园%幢%单元'") > 0);
        assertTrue(count("SELECT count(*) FROM address WHERE house_number LIKE '%-%'") > 0, "some split numbers 12-1号");
    }

    @Test
    void theRegisterIsWrittenAsFilesToImportNotIntoTheResidentTable() throws Exception {
        assertEquals(0, count("SELECT count(*) FROM resident"));
        Path dir = home.resolve("demo");
        List<String> all = Files.readAllLines(dir.resolve("residents.csv"), StandardCharsets.UTF_8);
        assertEquals(100_001, all.size());
        assertEquals(ResidentFiles.HEADER, all.get(0));
        List<String> truth = Files.readAllLines(dir.resolve("residents_truth.csv"), StandardCharsets.UTF_8);
        assertEquals(100_001, truth.size());
        long ungeocodable = truth.stream().skip(1).filter(l -> l.contains(",false,")).count();
        assertTrue(ungeocodable > 2_000 && ungeocodable < 4_000, ungeocodable + " ungeocodable");
        String gbk = new String(Files.readAllBytes(dir.resolve("residents_gbk_sample.csv")), Charset.forName("GBK"));
        assertTrue(gbk.startsWith(ResidentFiles.HEADER + "\r\n"));
        byte[] bom = Files.readAllBytes(community(dir, "莲花路社区"));
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(bom, 3));
        assertEquals(gbk, new String(bom, 3, bom.length - 3, StandardCharsets.UTF_8), "the GBK sample is the 莲花路社区 file");
        long perCommunity;
        try (Stream<Path> files = Files.list(dir.resolve("residents"))) {
            perCommunity = files.count();
        }
        assertEquals(count("SELECT count(*) FROM community"), perCommunity);
    }

    @Test
    void theDemosFirstStartImportsTheRegisterOnceThroughTheRealImport() {
        try {
            var progress = new ByteArrayOutputStream();
            Map<String, Object> summary = DemoResidents.importIfEmpty(db.dataSource(), home, new PrintStream(progress, true, StandardCharsets.UTF_8));
            assertEquals(100_000, summary.get("imported"), summary.toString());
            int toReview = (Integer) summary.get("to_review");
            assertTrue(toReview > 1_000 && toReview < 15_000, toReview + " rows to review (the register writes 3% outside the district, some typos)");
            assertEquals(100_000 - toReview, count("SELECT count(*) FROM resident WHERE review_status = 'ok' AND grid_id IS NOT NULL"));
            assertEquals(0, count("SELECT count(*) FROM resident WHERE id_masked !~ '^320902[*]+[0-9]{3}[0-9X]$'"), "every ID masked");
            assertTrue(progress.toString(StandardCharsets.UTF_8).contains("demo: 100,000 residents imported"), progress.toString());
            assertNull(DemoResidents.importIfEmpty(db.dataSource(), home, new PrintStream(new ByteArrayOutputStream())), "only once");
        } finally {
            Sql.update(db.dataSource(), "DELETE FROM resident");
            Sql.update(db.dataSource(), "DELETE FROM resident_import");
        }
    }

    @Test
    void residentsAreFictitiousWithCareTagsOnARealisticShare() throws Exception {
        var rows = org.partymap.io.CsvTable.parse(Files.readString(home.resolve("demo/residents.csv"))).rows();
        int care = 0;
        int emptyNest = 0;
        for (var r : rows) {
            String id = r.fields().get(4);
            assertTrue(id.matches("^320902(19|20)[0-9]{9}[0-9X]$"), id);
            assertTrue(!People.validCheckDigit(id), "no ID number has a valid check digit: " + id);
            assertTrue(r.fields().get(5).matches("^(100[0-9]{8}|0515-0[0-9]{7})?$"), r.fields().get(5));
            care += r.fields().get(9).isEmpty() ? 0 : 1;
            emptyNest += r.fields().get(9).contains("空巢老人") ? 1 : 0;
        }
        assertTrue(care > 10_000 && care < 40_000, care + " residents with care tags");
        assertTrue(emptyNest > 3_000, emptyNest + " empty-nest elderly");
    }

    @Test
    void aDatabaseThatHoldsDataIsRefusedUnlessReplaced() {
        try (Database other = TestDatabase.fresh()) {
            Fixtures.loadSample(other);
            Path elsewhere = TestDatabase.newHome("partymap-demo-refused");
            var e = assertThrows(StartupException.class,
                    () -> DemoDistrict.generate(other.dataSource(), Path.of("data"), elsewhere, false, null));
            assertTrue(e.getMessage().contains("already holds 1 subdistricts"), e.getMessage());
            assertEquals(4, Sql.one(other.dataSource(), "SELECT count(*) FROM grid", rs -> rs.getLong(1)).orElseThrow(),
                    "nothing changed");
            assertTrue(!Files.exists(elsewhere.resolve("demo")), "no files written");
            TestDatabase.deleteTree(elsewhere);
        }
    }

    @Test
    void theSameSeedGivesByteIdenticalOutput() throws Exception {
        try (Database other = TestDatabase.fresh()) {
            Path elsewhere = TestDatabase.newHome("partymap-demo-again");
            try {
                Fixtures.loadSample(other);
                var again = DemoDistrict.generate(other.dataSource(), Path.of("data"), elsewhere, true, null);
                assertEquals(result.digest(), again.digest(), "the same COPY streams and files");
                for (String f : files(home.resolve("demo"))) {
                    assertArrayEquals(Files.readAllBytes(home.resolve("demo").resolve(f)),
                            Files.readAllBytes(elsewhere.resolve("demo").resolve(f)), f);
                }
                assertEquals(tableDigest(db), tableDigest(other), "the same rows in every table, ids included");
            } finally {
                TestDatabase.deleteTree(elsewhere);
            }
        }
    }

    @Test
    void theOutputIsTheSameBytesAsOnTheMachineItWasWrittenOn() {
        assertEquals(DIGEST, result.digest(), "the generated district differs from the committed digest: if the generator or "
                + "data/demo changed on purpose, put the new digest in DemoDistrictIT.DIGEST; if not, something made it "
                + "depend on the machine");
    }

    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    private static Path community(Path dir, String name) throws Exception {
        try (Stream<Path> s = Files.list(dir.resolve("residents"))) {
            return s.filter(p -> p.getFileName().toString().endsWith("_" + name + ".csv")).findFirst().orElseThrow();
        }
    }

    /** md5 of every owned table's rows in id order, timestamps left out. */
    private static Map<String, String> tableDigest(Database d) {
        var out = new java.util.TreeMap<String, String>();
        for (String table : DistrictWriter.OWNED) {
            out.put(table, Sql.one(d.dataSource(), "SELECT md5(string_agg((to_jsonb(t) - 'updated_at' - 'changed_at')::text, "
                    + "E'\\n' ORDER BY t.id)) FROM " + table + " t", rs -> rs.getString(1)).orElse(""));
        }
        return out;
    }

    private static Geometry[] geometries(String sql) throws Exception {
        var reader = new WKBReader();
        var out = new ArrayList<Geometry>();
        for (byte[] b : Sql.list(db.dataSource(), sql, rs -> rs.getBytes(1))) {
            out.add(reader.read(b));
        }
        return out.toArray(new Geometry[0]);
    }
}
