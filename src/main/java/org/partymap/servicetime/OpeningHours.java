package org.partymap.servicetime;

import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A post's weekly opening hours (营业时间), read from the text staff write on a door, and the
 * service-time clock over them: whether the post is open at an instant, when it opens next, how
 * much open time lies between two instants and when a given amount of open time has passed.
 *
 * <p>Everything is computed in {@link #ZONE Asia/Shanghai}. The week repeats unchanged: public
 * holidays and their make-up working days (调休) are out of scope, so a post that closes for
 * 国庆节 still counts as open here.
 *
 * <p>An interval may end at {@code 24:00}; it is held as {@link LocalTime#MAX} and counts up to
 * midnight exactly. Intervals that cross midnight (22:00-2:00) are refused: write two parts.
 */
public final class OpeningHours {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** An open period within one day, start inclusive and end exclusive; end {@link LocalTime#MAX} means 24:00. */
    public record Interval(LocalTime start, LocalTime end) {
        public Interval {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("interval ends at " + end + ", not after its start " + start);
            }
        }

        Duration length() {
            return Duration.ofNanos(nanoOfEnd() - start.toNanoOfDay());
        }

        long nanoOfEnd() {
            return end.equals(LocalTime.MAX) ? Duration.ofDays(1).toNanos() : end.toNanoOfDay();
        }
    }

    private static final String DAY_CHARS = "一二三四五六日天";
    private static final String RANGE = "(?:-|~|—|–|至|到)";
    private static final Pattern DAY_RANGE = Pattern.compile(
            "周([" + DAY_CHARS + "])(?:\\s*" + RANGE + "\\s*周?([" + DAY_CHARS + "]))?");
    private static final Pattern DAY_WORD = Pattern.compile("每日|每天|天天|工作日|周末");
    private static final Pattern DAY_JOIN = Pattern.compile("\\s*(?:、|/|和|及)\\s*");
    /** A time of day may follow 上午 / 早上 (as written), 中午 or 下午 / 晚上 (a 12-hour clock: 下午2:00 is 14:00). */
    private static final String HALF = "(上午|早上|中午|下午|晚上)?\\s*";
    private static final Pattern TIME_RANGE = Pattern.compile(
            HALF + "(\\d{1,2})(?:[:点](\\d{2})|点)?\\s*" + RANGE + "\\s*" + HALF + "(\\d{1,2})(?:[:点](\\d{2})|点)?");
    private static final Pattern PART_SEPARATOR = Pattern.compile("[;,、\\s]+");
    private static final String[] DAY_NAMES = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};

    /** weekdays 8:30–12:00 and 14:00–17:30 */
    // after the patterns: parse needs them
    public static final OpeningHours DEFAULT_SERVICE = parse("周一至周五 8:30-12:00 14:00-17:30");

    private final Map<DayOfWeek, List<Interval>> week;
    private final Duration weekly;

    OpeningHours(Map<DayOfWeek, List<Interval>> days) {
        EnumMap<DayOfWeek, List<Interval>> merged = new EnumMap<>(DayOfWeek.class);
        Duration total = Duration.ZERO;
        for (DayOfWeek day : DayOfWeek.values()) {
            List<Interval> intervals = merge(days.getOrDefault(day, List.of()));
            merged.put(day, intervals);
            for (Interval interval : intervals) {
                total = total.plus(interval.length());
            }
        }
        this.week = merged;
        this.weekly = total;
    }

    /**
     * Reads hours such as {@code 周一至周五 8:30-12:00 14:00-17:30；周六 9:00-12:00}. Days: 周一…周日
     * (also 星期 and 礼拜 for 周, 天 for 日), ranges with 至 or 到, lists with 、 (a range may wrap, 周六至周一), and 每日, 工作日, 周末.
     * Times {@code H:MM}, {@code H点}, {@code H点MM} or {@code H} (after 上午, 中午 or 下午 on a
     * 12-hour clock), full-width digits and colons welcome, joined by
     * {@code - ~ ～ — – 至 到}. Parts are separated by {@code ; ； , ，} or a space. Times
     * before any day apply to every day; times after times belong to the same days.
     *
     * @throws IllegalArgumentException whose message quotes the part that could not be read
     */
    public static OpeningHours parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("opening hours are empty");
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC)
                .replace("星期", "周").replace("礼拜", "周").replace('－', '-').strip();
        Map<DayOfWeek, List<Interval>> days = new EnumMap<>(DayOfWeek.class);
        Set<DayOfWeek> current = null;
        boolean currentHasTimes = false;
        int i = 0;
        Matcher m;
        while (i < s.length()) {
            if ((m = PART_SEPARATOR.matcher(s).region(i, s.length())).lookingAt()) {
                i = m.end();
                continue;
            }
            if (startsDays(s, i)) {
                Set<DayOfWeek> read = EnumSet.noneOf(DayOfWeek.class);
                i = readDays(s, i, read);
                if (current == null || currentHasTimes) {
                    current = read;
                    currentHasTimes = false;
                } else {
                    current.addAll(read); // "周二, 周四 14:00-17:00": a comma inside a list of days
                }
                continue;
            }
            if ((m = TIME_RANGE.matcher(s).region(i, s.length())).lookingAt()) {
                Interval interval = interval(m, s, i);
                if (current == null) {
                    current = EnumSet.allOf(DayOfWeek.class);
                }
                for (DayOfWeek day : current) {
                    days.computeIfAbsent(day, d -> new ArrayList<>()).add(interval);
                }
                currentHasTimes = true;
                i = m.end();
                continue;
            }
            throw new IllegalArgumentException("cannot read '" + partAt(s, i) + "' in opening hours '" + text.strip() + "'");
        }
        if (current != null && !currentHasTimes) {
            throw new IllegalArgumentException("no times given for the days at the end of '" + text.strip() + "'");
        }
        return new OpeningHours(days);
    }

    /** The open intervals of {@code day}, sorted, merged where they touch or overlap; empty when closed. */
    public List<Interval> on(DayOfWeek day) {
        return week.get(day);
    }

    public boolean isOpen(Instant t) {
        ZonedDateTime z = t.atZone(ZONE);
        long nano = z.toLocalTime().toNanoOfDay();
        for (Interval interval : on(z.getDayOfWeek())) {
            if (interval.start().toNanoOfDay() <= nano && nano < interval.nanoOfEnd()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first open instant at or after {@code t}: {@code t} itself when open then.
     *
     * @throws IllegalStateException when the post is never open
     */
    public Instant nextOpening(Instant t) {
        requireSomeOpenTime();
        LocalDate date = t.atZone(ZONE).toLocalDate();
        for (int d = 0; d <= 7; d++, date = date.plusDays(1)) {
            for (Interval interval : on(date.getDayOfWeek())) {
                Instant end = end(date, interval);
                if (end.isAfter(t)) {
                    Instant start = start(date, interval);
                    return start.isAfter(t) ? start : t;
                }
            }
        }
        throw new AssertionError("a week with open time has an opening within eight days");
    }

    /** The open time in {@code [from, to)}; zero when {@code to} is not after {@code from}. */
    public Duration elapsed(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        LocalDate first = from.atZone(ZONE).toLocalDate();
        LocalDate last = to.atZone(ZONE).toLocalDate();
        Duration total = Duration.ZERO;
        LocalDate date = first;
        while (!date.isAfter(last)) {
            // days strictly between the first and the last are wholly inside: count whole weeks at once
            long inside = date.isAfter(first) ? last.toEpochDay() - date.toEpochDay() : 0;
            if (inside >= 7) {
                long weeks = inside / 7;
                total = total.plus(weekly.multipliedBy(weeks));
                date = date.plusWeeks(weeks);
                continue;
            }
            for (Interval interval : on(date.getDayOfWeek())) {
                Instant start = max(start(date, interval), from);
                Instant end = min(end(date, interval), to);
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
            date = date.plusDays(1);
        }
        return total;
    }

    /**
     * The earliest instant by which {@code openTime} of open time has passed since {@code start}:
     * {@code start} for zero, otherwise an instant within or at the end of an open interval (a
     * period that ends with the morning ends at 12:00, not when the afternoon opens).
     *
     * @throws IllegalArgumentException for a negative duration
     * @throws IllegalStateException when the post is never open and {@code openTime} is positive
     */
    public Instant after(Instant start, Duration openTime) {
        if (openTime.isNegative()) {
            throw new IllegalArgumentException("open time is negative: " + openTime);
        }
        if (openTime.isZero()) {
            return start;
        }
        requireSomeOpenTime();
        Duration remaining = openTime;
        LocalDate date = start.atZone(ZONE).toLocalDate();
        boolean firstDay = true;
        while (true) {
            if (!firstDay && remaining.compareTo(weekly) > 0) {
                // whole weeks that cannot finish the period: skip them, leaving a remainder in (0, weekly]
                long weeks = remaining.minusNanos(1).dividedBy(weekly);
                remaining = remaining.minus(weekly.multipliedBy(weeks));
                date = date.plusWeeks(weeks);
            }
            for (Interval interval : on(date.getDayOfWeek())) {
                Instant from = max(start(date, interval), start);
                Instant end = end(date, interval);
                if (!end.isAfter(from)) {
                    continue;
                }
                Duration available = Duration.between(from, end);
                if (available.compareTo(remaining) >= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
            date = date.plusDays(1);
            firstDay = false;
        }
    }

    /**
     * The hours written the one way: days with the same intervals grouped, runs of days as
     * {@code 周一至周五}, every day as {@code 每日}, parts joined with {@code ；}. {@link #parse}
     * reads it back to equal hours. Empty when never open.
     */
    public String text() {
        List<String> parts = new ArrayList<>();
        List<DayOfWeek> done = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            if (done.contains(day) || on(day).isEmpty()) {
                continue;
            }
            List<DayOfWeek> same = new ArrayList<>();
            for (DayOfWeek other : DayOfWeek.values()) {
                if (on(other).equals(on(day))) {
                    same.add(other);
                }
            }
            done.addAll(same);
            StringBuilder part = new StringBuilder(days(same));
            for (Interval interval : on(day)) {
                part.append(' ').append(clock(interval.start())).append('-').append(clock(interval.end()));
            }
            parts.add(part.toString());
        }
        return String.join("；", parts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OpeningHours other && week.equals(other.week);
    }

    @Override
    public int hashCode() {
        return week.hashCode();
    }

    @Override
    public String toString() {
        return text();
    }

    private static boolean startsDays(String s, int i) {
        return s.startsWith("周", i) || DAY_WORD.matcher(s).region(i, s.length()).lookingAt();
    }

    /** Reads a list of days at {@code i} into {@code into}; returns the index after it. */
    private static int readDays(String s, int i, Set<DayOfWeek> into) {
        while (true) {
            Matcher word = DAY_WORD.matcher(s).region(i, s.length());
            Matcher range = DAY_RANGE.matcher(s).region(i, s.length());
            if (word.lookingAt()) {
                switch (word.group()) {
                    case "工作日" -> into.addAll(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
                    case "周末" -> into.addAll(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
                    default -> into.addAll(EnumSet.allOf(DayOfWeek.class));
                }
                i = word.end();
            } else if (range.lookingAt()) {
                DayOfWeek from = day(range.group(1).charAt(0));
                DayOfWeek to = range.group(2) == null ? from : day(range.group(2).charAt(0));
                for (DayOfWeek d = from; ; d = d.plus(1)) { // 周六至周一 wraps over the weekend
                    into.add(d);
                    if (d == to) {
                        break;
                    }
                }
                i = range.end();
            } else {
                throw new IllegalArgumentException("cannot read the days in '" + partAt(s, i) + "'");
            }
            Matcher join = DAY_JOIN.matcher(s).region(i, s.length());
            if (!join.lookingAt()) {
                return i;
            }
            i = join.end();
        }
    }

    private static DayOfWeek day(char c) {
        int index = DAY_CHARS.indexOf(c);
        return DayOfWeek.of(Math.min(index, 6) + 1);
    }

    private static Interval interval(Matcher m, String s, int at) {
        String startHalf = m.group(1);
        String endHalf = m.group(4) != null ? m.group(4) : startHalf; // 下午2:00-5:30: both afternoon
        LocalTime start = time(halfDay(startHalf, m.group(2)), m.group(3), false, s, at);
        LocalTime end = time(halfDay(endHalf, m.group(5)), m.group(6), true, s, at);
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("'" + m.group() + "' does not end after it starts;"
                    + " hours across midnight are written as two parts");
        }
        return new Interval(start, end);
    }

    /** The hour on a 24-hour clock: 下午 and 晚上 add twelve to 1–11, 中午 to 1–5 (中午1:00 is 13:00). */
    private static String halfDay(String half, String hour) {
        int h = Integer.parseInt(hour);
        boolean afternoon = ("下午".equals(half) || "晚上".equals(half)) && h >= 1 && h < 12 || "中午".equals(half) && h >= 1 && h < 6;
        return afternoon ? Integer.toString(h + 12) : hour;
    }

    private static LocalTime time(String hour, String minute, boolean end, String s, int at) {
        int h = Integer.parseInt(hour);
        int min = minute == null ? 0 : Integer.parseInt(minute);
        if (end && h == 24 && min == 0) {
            return LocalTime.MAX;
        }
        if (h > 23 || min > 59) {
            throw new IllegalArgumentException("'" + hour + (minute == null ? "" : ":" + minute)
                    + "' in '" + partAt(s, at) + "' is not a time of day");
        }
        return LocalTime.of(h, min);
    }

    /** The text from {@code i} up to the next part separator, for error messages. */
    private static String partAt(String s, int i) {
        int end = i;
        while (end < s.length() && ";,".indexOf(s.charAt(end)) < 0) {
            end++;
        }
        String part = s.substring(i, end).strip();
        return part.isEmpty() ? s.substring(i).strip() : part;
    }

    private static List<Interval> merge(List<Interval> intervals) {
        List<Interval> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparing(Interval::start));
        List<Interval> merged = new ArrayList<>();
        for (Interval next : sorted) {
            if (!merged.isEmpty()) {
                Interval last = merged.get(merged.size() - 1);
                if (last.nanoOfEnd() >= next.start().toNanoOfDay()) {
                    LocalTime end = last.nanoOfEnd() >= next.nanoOfEnd() ? last.end() : next.end();
                    merged.set(merged.size() - 1, new Interval(last.start(), end));
                    continue;
                }
            }
            merged.add(next);
        }
        return List.copyOf(merged);
    }

    private static String days(List<DayOfWeek> days) {
        if (days.size() == 7) {
            return "每日";
        }
        List<String> runs = new ArrayList<>();
        int i = 0;
        while (i < days.size()) {
            int j = i;
            while (j + 1 < days.size() && days.get(j + 1).getValue() == days.get(j).getValue() + 1) {
                j++;
            }
            String first = DAY_NAMES[days.get(i).getValue() - 1];
            String last = DAY_NAMES[days.get(j).getValue() - 1];
            runs.add(i == j ? first : j == i + 1 ? first + "、" + last : first + "至" + last);
            i = j + 1;
        }
        return String.join("、", runs);
    }

    private static String clock(LocalTime t) {
        return t.equals(LocalTime.MAX) ? "24:00" : t.getHour() + ":" + String.format("%02d", t.getMinute());
    }

    private void requireSomeOpenTime() {
        if (weekly.isZero()) {
            throw new IllegalStateException("these opening hours are never open");
        }
    }

    private static Instant start(LocalDate date, Interval interval) {
        return date.atTime(interval.start()).atZone(ZONE).toInstant();
    }

    private static Instant end(LocalDate date, Interval interval) {
        return interval.end().equals(LocalTime.MAX)
                ? date.plusDays(1).atStartOfDay(ZONE).toInstant()
                : date.atTime(interval.end()).atZone(ZONE).toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
