package org.partymap.geocode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationCaseTest {

    @Test
    void anEvaluationSetSurvivesItsCsvForm() {
        var cases = List.of(
                new EvaluationCase("万方花园3-2-501", "compact", false, MatchLevel.ADDRESS, "万方花园3幢2单元", 120.1456789, 33.3841234),
                new EvaluationCase("火星基地, \"外太空\"", "nonexistent", true, null, "", Double.NaN, Double.NaN));
        List<EvaluationCase> back = EvaluationCase.fromCsv(EvaluationCase.toCsv(cases));
        assertEquals(cases.get(0), back.get(0));
        assertEquals("火星基地, \"外太空\"", back.get(1).query());
        assertTrue(!back.get(1).exists() && Double.isNaN(back.get(1).lon()));
    }

    @Test
    void theGeneratorWritesEveryStyleOfTheSmallGazetteerAndAddressesThatDoNotExist() {
        List<EvaluationCase> cases = new EvaluationSetGenerator(SmallGazetteer.build(), 1).generate(20, 10);
        var styles = cases.stream().map(EvaluationCase::style).distinct().sorted().toList();
        assertTrue(styles.containsAll(List.of("compact", "full_prefix", "missing_unit", "numerals", "typo", "nonexistent")), styles.toString());
        assertEquals(10, cases.stream().filter(c -> !c.exists()).count());
        assertTrue(cases.stream().anyMatch(c -> c.query().equals("万方花园三号楼二单元")), "Chinese numerals are written");
        AccuracyHarness.Report report = AccuracyHarness.run(new Matcher(SmallGazetteer.build()), cases);
        assertEquals(0, report.nonexistentConfident(), report.format());
    }
}
