package org.partymap.geocode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The committed evaluation sets {@code bench geocode} reads: drawn from the demo gazetteer
 * (generated, at least 1,000) and written by hand (at least 100 hard cases), each case readable,
 * in the demo district when it exists, without a point when it does not.
 */
class EvaluationSetFilesTest {

    private static List<EvaluationCase> read(String name) throws IOException {
        try (InputStream in = EvaluationSetFilesTest.class.getResourceAsStream("/geocode/" + name)) {
            return EvaluationCase.fromCsv(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static void inTheDistrict(List<EvaluationCase> cases) {
        for (EvaluationCase c : cases) {
            if (c.exists()) {
                assertTrue(c.lon() > 120.0 && c.lon() < 120.3 && c.lat() > 33.3 && c.lat() < 33.5 && !c.expectedAddress().isEmpty(),
                        c.toString());
            } else {
                assertTrue(Double.isNaN(c.lon()) && c.expectedAddress().isEmpty(), c.toString());
            }
        }
    }

    @Test
    void theGeneratedSetHasOverAThousandCasesInEveryStyle() throws IOException {
        List<EvaluationCase> cases = read("demo-eval.csv");
        assertEquals(GeocodeBench.GENERATED, cases.size());
        assertEquals(GeocodeBench.GENERATED_NONEXISTENT, cases.stream().filter(c -> !c.exists()).count());
        assertTrue(cases.stream().map(EvaluationCase::style).collect(Collectors.toSet()).containsAll(Set.of("standard", "full_prefix",
                "numerals", "compact", "typo", "misordered", "wrong_community", "missing_suffix", "missing_unit")));
        inTheDistrict(cases);
    }

    @Test
    void theHandWrittenSetHasOverAHundredHardCasesOfEveryKindTheIssueNames() throws IOException {
        List<EvaluationCase> cases = read("demo-hard.csv");
        assertTrue(cases.size() >= 100, "cases: " + cases.size());
        assertTrue(cases.stream().map(EvaluationCase::style).collect(Collectors.toSet()).containsAll(Set.of("typo", "misordered",
                "numerals", "missing_road", "estate_only", "wrong_community", "nonexistent")));
        assertTrue(cases.stream().filter(c -> !c.exists()).count() >= 15);
        assertEquals(cases.size(), cases.stream().map(EvaluationCase::query).distinct().count(), "no case twice");
        inTheDistrict(cases);
    }
}
