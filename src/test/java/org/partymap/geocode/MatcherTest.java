package org.partymap.geocode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MatcherTest {

    private static final Matcher MATCHER = new Matcher(SmallGazetteer.build());

    private static Candidate best(String query) {
        List<Candidate> found = MATCHER.match(query, 5);
        assertFalse(found.isEmpty(), "no candidate for " + query);
        return found.get(0);
    }

    /** Columns: the query, the level and standard address of the best answer, whether it is confident. */
    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            人民路12号                          | address      | 人民路12号         | true
            江苏省盐城市亭湖区人民路12号        | address      | 人民路12号         | true
            盐城人民路十二号                    | address      | 人民路12号         | true
            人民路１２号                        | address      | 人民路12号         | true
            12号人民路                          | address      | 人民路12号         | true
            先锋街道健康路社区人民路12号        | address      | 人民路12号         | true
            人民路12-1号                        | house_number | 人民路12号         | true
            人民路12号之一                      | house_number | 人民路12号         | true
            人民路12号3单元                     | house_number | 人民路12号         | true
            人民路14号                          | interpolated | 人民路14号         | true
            人民路999号                         | street       | 人民路             | false
            人民路                              | street       | 人民路             | false
            人民12号                            | address      | 人民路12号         | true
            人名路12号                          | address      | 人民路12号         | false
            三元巷5号                           | address      | 三元巷5号          | true
            万方花园3幢2单元                    | address      | 万方花园3幢2单元   | true
            万方花园3-2-501                     | address      | 万方花园3幢2单元   | true
            万方花园三号楼二单元501室           | address      | 万方花园3幢2单元   | true
            2单元3幢万方花园                    | address      | 万方花园3幢2单元   | true
            万方花园3栋2单元501                 | address      | 万方花园3幢2单元   | true
            万方小区3幢2单元                    | address      | 万方花园3幢2单元   | true
            万方3幢2单元                        | address      | 万方花园3幢2单元   | true
            万方花园小区3幢2单元                | address      | 万方花园3幢2单元   | true
            万方家园3幢2单元                    | address      | 万方花园3幢2单元   | false
            万芳花园3幢2单元                    | address      | 万方花园3幢2单元   | true
            万方花园3幢                         | building     | 万方花园3幢        | true
            万方花园3幢9单元                    | building     | 万方花园3幢        | true
            万方花园9幢                         | estate       | 万方花园           | false
            万方花园                            | estate       | 万方花园           | false
            万方花园网格驿站                    | address      | 万方花园网格驿站   | true
            莲花路社区                          | community    | 莲花路社区         | false
            先锋街道                            | subdistrict  | 先锋街道           | false
            """)
    void findsTheRightPlaceAtTheRightLevel(String query, String level, String address, boolean confident) {
        Candidate c = best(query);
        assertEquals(level, c.level().code(), query + " → " + c);
        assertEquals(address, c.address(), query + " → " + c);
        assertEquals(confident, c.confident(), query + " → " + c);
    }

    @Test
    void everyAnswerNamesTheGridItLiesIn() {
        Candidate c = best("人民路12号");
        assertEquals("320902001002001", c.grid().code()); // even numbers are east of 人民路, south of 解放路
        assertEquals("第一网格", c.grid().name());
    }

    @Test
    void anInterpolatedNumberLiesOnItsSideAtItsShareOfTheSegment() {
        Candidate even = best("人民路14号");
        double expectedLat = 33.38 + (14 - 2) / 48.0 * 0.01;
        double expectedLon = 120.15 + SmallGazetteer.OFFSET / Metres.perDegreeLon(33.38);
        assertTrue(Metres.distance(even.lon(), even.lat(), expectedLon, expectedLat) < 2, even.toString());
        Candidate odd = best("人民路15号");
        assertTrue(odd.lon() < 120.15, "odd numbers are on the west: " + odd);
        Candidate north = best("解放路7号");
        assertTrue(north.lat() > 33.39, "odd numbers of 解放路 are on the north: " + north);
        assertEquals("第二网格", north.grid().name());
    }

    @Test
    void anAmbiguousNameGivesSeveralCandidatesAndNoConfidentOne() {
        List<Candidate> found = MATCHER.match("幸福园1幢1单元", 5);
        assertTrue(found.size() >= 2, found.toString());
        assertTrue(found.stream().noneMatch(Candidate::confident), found.toString());
        assertTrue(found.stream().anyMatch(c -> c.address().equals("幸福花园1幢1单元")), found.toString());
        assertTrue(found.stream().anyMatch(c -> c.address().equals("幸福家园1幢1单元")), found.toString());
    }

    @Test
    void anotherCityIsNotAnsweredWithConfidence() {
        List<Candidate> found = MATCHER.match("南京市鼓楼区人民路12号", 5);
        assertTrue(found.stream().allMatch(c -> c.score() < 0.5), found.toString());
    }

    @Test
    void aWrongCommunityLowersTheScoreButKeepsTheAddress() {
        Candidate right = best("健康路社区人民路12号");
        Candidate wrong = best("莲花路社区人民路12号");
        assertEquals("人民路12号", wrong.address());
        assertTrue(wrong.score() < right.score(), right + " vs " + wrong);
    }

    @Test
    void aRoadOfTheOtherDirectionIsNotATypo() {
        Candidate c = best("建军东路5号");
        assertFalse(c.confident(), c.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "阿斯顿发生地方", "，。、", "12345"})
    void textThatNamesNoPlaceGetsNoConfidentAnswer(String query) {
        assertTrue(MATCHER.match(query, 5).stream().noneMatch(Candidate::confident));
    }

    @Test
    void theLimitCapsTheCandidates() {
        assertEquals(1, MATCHER.match("幸福园1幢1单元", 1).size());
    }
}
