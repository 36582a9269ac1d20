package org.partymap.geocode;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partymap.db.Database;
import org.partymap.testing.TestDatabase;
import org.partymap.testing.TestServer;

/**
 * The accuracy harness on a synthetic district of several thousand addresses, against the issue's
 * targets: well-formed addresses right to the building ≥ 98%, messy ones within 100 m ≥ 90%,
 * confident wrong answers ≤ 0.5%, no address that does not exist answered with confidence. The
 * report goes to stdout and target/geocode-accuracy.txt. With {@code -Dgeocode.throughput=true}
 * it also measures the matcher's throughput in-process on 1 and 16 threads, a batch of 100,000
 * addresses, and {@code /api/geocode} under 16 keep-alive HTTP clients on the same machine
 * (figures only, never asserted).
 */
class GeocodeAccuracyIT {

    private static Database db;
    private static Matcher matcher;
    private static SyntheticDistrict.Built district;
    private static List<EvaluationCase> cases;
    private static AccuracyHarness.Report report;

    @BeforeAll
    static void measure() throws Exception {
        db = TestDatabase.fresh();
        district = SyntheticDistrict.build(db);
        long loading = System.nanoTime();
        Gazetteer g = new GazetteerRepository(db.dataSource()).load();
        loading = System.nanoTime() - loading;
        matcher = new Matcher(g);
        cases = new ArrayList<>(new EvaluationSetGenerator(g, 7).generate(3, 400));
        cases.addAll(district.withheld());
        report = AccuracyHarness.run(matcher, cases);
        String text = String.format(Locale.ROOT, "synthetic district: %d standard addresses, loaded in %.2f s, side offset %d m%n",
                g.addressCount(), loading / 1e9, Math.round(g.sideOffset)) + report.format();
        if (Boolean.getBoolean("geocode.throughput")) {
            List<String> queries = cases.stream().map(EvaluationCase::query).toList();
            text += ThroughputProbe.measure(matcher, queries, 1, Duration.ofSeconds(5)).format() + "\n";
            text += ThroughputProbe.measure(matcher, queries, 16, Duration.ofSeconds(5)).format() + "\n";
            var batch = new ArrayList<BatchGeocoder.Item>();
            for (int i = 0; i < 100_000; i++) {
                batch.add(new BatchGeocoder.Item(i + 2, queries.get(i % queries.size())));
            }
            text += "batch: " + new BatchGeocoder(matcher).geocode(batch, n -> { }).summary().lines().findFirst().orElseThrow() + "\n";
            try (TestServer server = TestServer.start(db)) {
                HttpLoadProbe.measure(server.uri(""), queries, 16, Duration.ofSeconds(5)); // warm-up
                text += HttpLoadProbe.measure(server.uri(""), queries, 16, Duration.ofSeconds(10)).format() + "\n";
            }
        }
        System.out.println(text);
        Files.writeString(Path.of("target", "geocode-accuracy.txt"), text);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void theSyntheticDistrictHasSeveralThousandAddresses() {
        assertTrue(district.addresses() >= 3000, "" + district.addresses());
        assertTrue(district.withheld().size() >= 1000, "" + district.withheld().size());
    }

    @Test
    void wellFormedAddressesAreRightToTheBuilding() {
        assertTrue(report.wellFormedShare() >= 0.98, report.format());
    }

    @Test
    void messyAddressesAreWithin100Metres() {
        assertTrue(report.messyShare() >= 0.90, report.format());
    }

    @Test
    void confidentWrongAnswersAreRare() {
        assertTrue(report.confidentWrongShare() <= 0.005, report.format());
    }

    @Test
    void addressesThatDoNotExistAreNeverAnsweredWithConfidence() {
        assertTrue(report.nonexistentConfident() == 0, report.format());
    }
}
