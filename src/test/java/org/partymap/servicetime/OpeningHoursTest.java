package org.partymap.servicetime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpeningHoursTest {

    // 2026-12-07 is a Monday
    private static final OpeningHours CENTRE = OpeningHours.parse("周一至周五 8:30-12:00 14:00-17:30；周六 9:00-12:00");

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(OpeningHours.ZONE).toInstant();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "周一至周日 8:30-17:30                               | 每日 8:30-17:30",
            "周一至周五 8:30-12:00 14:00-17:30；周六 9:00-12:00   | 周一至周五 8:30-12:00 14:00-17:30；周六 9:00-12:00",
            "每日 9:00-20:00                                     | 每日 9:00-20:00",
            "周二、周四 14:00-17:00；周六 9:00-11:30              | 周二、周四 14:00-17:00；周六 9:00-11:30",
            "周二至周日 9:00-17:00                               | 周二至周日 9:00-17:00",
            "周一至周五 8:30-17:30                               | 周一至周五 8:30-17:30",
            "星期一至星期五 8:30-17:30                           | 周一至周五 8:30-17:30",
            "礼拜六、礼拜天 9:00-11:00                           | 周六、周日 9:00-11:00",
            "工作日 8:30-12:00，周末 9:00-11:00                  | 周一至周五 8:30-12:00；周六、周日 9:00-11:00",
            "周一至周五 ８：３０～１７：３０                     | 周一至周五 8:30-17:30",
            "周一到周五 8:30—12:00、14:00–17:30; 周六 9:00至12:00 | 周一至周五 8:30-12:00 14:00-17:30；周六 9:00-12:00",
            "周一至五 9-17                                       | 周一至周五 9:00-17:00",
            "每天 0:00-24:00                                     | 每日 0:00-24:00",
            "周一, 周三 9:00-11:00                               | 周一、周三 9:00-11:00",
            "周一至周五 8:30-12:00；14:00-17:30                  | 周一至周五 8:30-12:00 14:00-17:30",
            "9:00-17:00                                          | 每日 9:00-17:00",
            "周六至周一 9:00-12:00                               | 周一、周六、周日 9:00-12:00",
            "周一 9:00-11:00 10:00-12:00                         | 周一 9:00-12:00",
            "周一、周二、周三、周五 8:00-9:00                    | 周一至周三、周五 8:00-9:00",
            "工作日 上午8:30-12:00 下午2:00-5:30                 | 周一至周五 8:30-12:00 14:00-17:30",
            "周六 上午9点-中午12点                               | 周六 9:00-12:00",
            "每日 上午9:00-晚上8:00                              | 每日 9:00-20:00",
            "周日 中午1:00-下午3:30                              | 周日 13:00-15:30"})
    void readsTheHoursPostsWriteAndWritesThemOneWay(String text, String normalised) {
        OpeningHours hours = OpeningHours.parse(text);
        assertEquals(normalised, hours.text());
        assertEquals(hours, OpeningHours.parse(hours.text()), "text() reads back to the same hours");
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(delimiter = '|', value = {
            "营业中                      | 营业中",
            "周一至周五                  | no times",
            "周八 9:00-17:00             | 周八",
            "周一 9:00                   | 9:00",
            "周一 17:00-9:00             | 17:00-9:00",
            "周一 9:00-25:00             | 25:00",
            "周一 9:70-10:00             | 9:70",
            "周一 9:00-17:00；节假日休息 | 节假日休息",
            "周一 9:00-17:00 <b>         | <b>",
            "周一 下午5:00-2:00          | does not end after",
            "'   '                       | empty"})
    void refusesGarbageSayingWhichPartItCouldNotRead(String text, String named) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OpeningHours.parse(text));
        assertTrue(e.getMessage().contains(named), e.getMessage());
    }

    @Test
    void theDefaultServiceHoursAreWeekdaysWithALunchBreak() {
        assertEquals("周一至周五 8:30-12:00 14:00-17:30", OpeningHours.DEFAULT_SERVICE.text());
        assertEquals(List.of(new OpeningHours.Interval(LocalTime.of(8, 30), LocalTime.of(12, 0)),
                        new OpeningHours.Interval(LocalTime.of(14, 0), LocalTime.of(17, 30))),
                OpeningHours.DEFAULT_SERVICE.on(DayOfWeek.WEDNESDAY));
        assertEquals(List.of(), OpeningHours.DEFAULT_SERVICE.on(DayOfWeek.SUNDAY));
    }

    @ParameterizedTest(name = "{0} open: {1}")
    @CsvSource({
            "2026-12-07T08:29:59, false",
            "2026-12-07T08:30,    true",
            "2026-12-07T11:59:59, true",
            "2026-12-07T12:00,    false",
            "2026-12-07T13:00,    false",
            "2026-12-07T14:00,    true",
            "2026-12-07T17:30,    false",
            "2026-12-12T10:00,    true",
            "2026-12-12T14:00,    false",
            "2026-12-13T10:00,    false"})
    void isOpenInsideTheIntervalsOnly(String local, boolean open) {
        assertEquals(open, CENTRE.isOpen(at(local)));
    }

    @Test
    void isOpenIsReckonedInShanghaiTimeWhateverTheInstantsZone() {
        assertTrue(CENTRE.isOpen(Instant.parse("2026-12-07T01:00:00Z")), "09:00 in Shanghai");
        assertFalse(CENTRE.isOpen(Instant.parse("2026-12-07T12:00:00Z")), "20:00 in Shanghai");
    }

    @ParameterizedTest(name = "after {0} opens at {1}")
    @CsvSource({
            "2026-12-07T07:00,    2026-12-07T08:30",
            "2026-12-07T09:15,    2026-12-07T09:15",
            "2026-12-07T12:00,    2026-12-07T14:00",
            "2026-12-07T18:00,    2026-12-08T08:30",
            "2026-12-11T17:30,    2026-12-12T09:00",
            "2026-12-12T12:00,    2026-12-14T08:30",
            "2026-12-13T23:59:59, 2026-12-14T08:30"})
    void nextOpeningIsTheInstantItselfOrTheNextStart(String from, String expected) {
        assertEquals(at(expected), CENTRE.nextOpening(at(from)));
    }

    @ParameterizedTest(name = "{0} to {1}: {2}")
    @CsvSource({
            "2026-12-07T09:00, 2026-12-07T10:30, PT1H30M",
            "2026-12-07T11:00, 2026-12-07T15:00, PT2H",
            "2026-12-07T12:10, 2026-12-07T13:50, PT0S",
            "2026-12-07T17:00, 2026-12-08T09:00, PT1H",
            "2026-12-11T17:00, 2026-12-14T09:00, PT4H",
            "2026-12-07T00:00, 2026-12-14T00:00, PT38H",
            "2026-12-07T10:00, 2026-12-28T10:00, PT114H",
            "2026-12-07T10:00, 2026-12-07T10:00, PT0S",
            "2026-12-07T11:00, 2026-12-07T10:00, PT0S"})
    void elapsedCountsOnlyOpenTimeAcrossLunchNightsAndWeekends(String from, String to, Duration expected) {
        assertEquals(expected, CENTRE.elapsed(at(from), at(to)));
    }

    @ParameterizedTest(name = "{1} of open time from {0} ends {2}")
    @CsvSource({
            "2026-12-07T09:00, PT1H,    2026-12-07T10:00",
            "2026-12-07T11:00, PT1H,    2026-12-07T12:00",
            "2026-12-07T11:00, PT1H1M,  2026-12-07T14:01",
            "2026-12-07T13:00, PT30M,   2026-12-07T14:30",
            "2026-12-07T17:00, PT1H,    2026-12-08T09:00",
            "2026-12-11T17:00, PT4H,    2026-12-14T09:00",
            "2026-12-12T13:00, PT1M,    2026-12-14T08:31",
            "2026-12-07T10:00, PT114H,  2026-12-28T10:00",
            "2026-12-07T10:00, PT0S,    2026-12-07T10:00",
            "2026-12-13T10:00, PT0S,    2026-12-13T10:00"})
    void afterAddsOpenTimeSkippingClosedTime(String start, Duration openTime, String expected) {
        assertEquals(at(expected), CENTRE.after(at(start), openTime));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "周一至周五 8:30-12:00 14:00-17:30；周六 9:00-12:00",
            "周二、周四 14:00-17:00；周六 9:00-11:30",
            "每日 0:00-24:00",
            "周日 23:00-24:00"})
    void afterAndElapsedAreInverseOverMonths(String text) {
        OpeningHours hours = OpeningHours.parse(text);
        Instant start = at("2026-12-07T10:17:23");
        for (long minutes = 1; minutes < 200_000; minutes = minutes * 3 + 7) {
            Duration open = Duration.ofMinutes(minutes).plusSeconds(11);
            Instant end = hours.after(start, open);
            assertEquals(open, hours.elapsed(start, end), "after then elapsed for " + open);
            assertTrue(hours.elapsed(start, end.minusNanos(1)).compareTo(open) < 0, "after is the earliest such instant");
        }
    }

    @Test
    void spansOfYearsComeOutExact() {
        Instant start = at("2026-12-07T10:00");
        // a guard against walking the span day by day (minutes for this loop), not a speed measurement: that is for benchmarks
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 0; i < 1000; i++) {
                Instant end = CENTRE.after(start, Duration.ofHours(38L * 52 * 10 + i));
                assertEquals(Duration.ofHours(38L * 52 * 10 + i), CENTRE.elapsed(start, end));
            }
        });
    }

    @Test
    void neverOpenHoursHaveNoOpeningAndNoDeadline() {
        OpeningHours never = new OpeningHours(new EnumMap<>(DayOfWeek.class));
        Instant t = at("2026-12-07T10:00");
        assertFalse(never.isOpen(t));
        assertEquals(Duration.ZERO, never.elapsed(t, t.plus(Duration.ofDays(30))));
        assertThrows(IllegalStateException.class, () -> never.nextOpening(t));
        assertThrows(IllegalStateException.class, () -> never.after(t, Duration.ofMinutes(1)));
        assertEquals("", never.text());
    }

    @Test
    void aNegativeOpenTimeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CENTRE.after(at("2026-12-07T10:00"), Duration.ofMinutes(-1)));
    }
}
