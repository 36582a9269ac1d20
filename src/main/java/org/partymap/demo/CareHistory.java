package org.partymap.demo;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.sql.DataSource;
import org.partymap.Config;
import org.partymap.db.CopyRows;
import org.partymap.db.Sql;

/**
 * The demo district's 走访 of the last months: the visits grid workers paid their care households up
 * to the clock, each household at its tags' cadence (PARTYMAP_CARE_CADENCE), its last
 * {@value #ROUNDS} rounds within {@value #DAYS} days. Most households were
 * visited on time; about one in five has lapsed and is overdue now, one in twenty was never
 * visited. Notes and needs are the kind grid workers write. Written with COPY in one transaction
 * on the demo's first start, when there are residents and no visit; the same seed, residents and
 * clock give the same rows.
 */
public final class CareHistory {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final int PHASE = 30;
    /** How far back the history reaches. */
    static final int DAYS = 120;
    /** How many rounds of visits back a household's history goes at most (four of a weekly cadence, one month). */
    static final int ROUNDS = 4;
    static final String COLUMNS = "id, grid_id, address_text, resident_id, kind, visited_on, note, needs, client_key, recorded_at";

    private static final String HOUSEHOLDS = """
            SELECT r.grid_id, r.address_text, array_agg(r.id ORDER BY r.id), array_agg(DISTINCT t.tag ORDER BY t.tag)
              FROM resident r CROSS JOIN LATERAL unnest(r.care_tags) AS t (tag)
             WHERE r.grid_id IS NOT NULL
             GROUP BY r.grid_id, r.address_text
             ORDER BY r.grid_id, r.address_text""";

    private static final List<String> HOME = List.of(
            "老人身体尚好，提醒按时服药", "上门看望，老人精神不错，家中整洁", "查看了燃气和电线，提醒注意用火用电安全",
            "老人腿脚不便，帮忙把米面搬上楼", "测了血压，略高，已提醒复诊", "和老人聊了半小时，情绪稳定",
            "家中暖气正常，叮嘱天冷少出门", "老人反映楼道灯坏了，已报物业", "子女不在身边，留了网格员电话，有事随时打",
            "送去社区发放的慰问品", "检查了扶手和防滑垫，一切正常", "老人独自在家，邻居平时会照应");
    private static final List<String> PHONE = List.of(
            "电话问候，子女周末回来", "电话联系，老人说身体还好", "电话询问近况，药还够用",
            "电话提醒明天社区义诊", "电话未接通，隔天再打已联系上", "电话问候，孩子放学后在家写作业",
            "电话了解低保复核材料准备情况", "电话通知社区活动，老人表示会参加");
    private static final List<String> ERRAND = List.of(
            "代购药品送到家", "代办高龄津贴申领", "代缴水电费", "陪同到社区卫生服务中心体检",
            "代办残疾人证年审材料", "代领慰问金并送到家中", "帮忙预约上门理发");
    private static final List<String> NEEDS = List.of(
            "希望有人帮忙修理厨房水龙头", "想要一副老花镜", "希望能有志愿者陪同去医院复查",
            "孩子需要课外辅导", "希望换一个助行器", "家里的旧电视坏了，想请人看看", "想学用智能手机视频通话",
            "希望冬天能送一床厚被子", "轮椅需要修理", "希望帮忙联系助餐服务");

    /** What was written. */
    public record Counts(int households, int visits, int overdue, int neverVisited, double seconds) {
        public String describe() {
            return String.format(Locale.ROOT, "%,d visits to %,d care households (%,d overdue now, %,d never visited) in %.1f s",
                    visits, households, overdue, neverVisited, seconds);
        }
    }

    private CareHistory() {
    }

    /**
     * On the demo's first start: writes the visits when this home generated the demo (its register is
     * there), its residents are imported and no visit exists; null when it left the database alone.
     */
    public static Counts writeIfEmpty(DataSource ds, Config config, Clock clock, PrintStream log) {
        if (!java.nio.file.Files.isRegularFile(config.home().resolve("demo").resolve(DemoResidents.FILE))) {
            return null;
        }
        Counts counts = write(ds, config.dataDir(), config.care(), clock);
        if (counts != null && log != null) {
            log.println("demo: the last months of 走访: " + counts.describe());
        }
        return counts;
    }

    /** Writes the history ending at the clock's today in one transaction; null when any visit exists or no resident does. */
    public static Counts write(DataSource ds, Path dataDir, Config.Care cadence, Clock clock) {
        long start = System.nanoTime();
        var inputs = DemoInputs.read(dataDir);
        Instant now = clock.instant();
        Counts counts = Sql.transaction(ds, c -> {
            Sql.update(c, "LOCK TABLE care_visit IN SHARE ROW EXCLUSIVE MODE");
            if (Sql.one(c, "SELECT EXISTS (SELECT 1 FROM care_visit) OR NOT EXISTS (SELECT 1 FROM resident)", rs -> rs.getBoolean(1))
                    .orElse(true)) {
                return null;
            }
            return write(c, cadence, DemoGenerator.random(inputs, PHASE), inputs.seed(), now);
        });
        if (counts == null) {
            return null;
        }
        Sql.update(ds, "ANALYZE care_visit");
        return new Counts(counts.households(), counts.visits(), counts.overdue(), counts.neverVisited(), (System.nanoTime() - start) / 1e9);
    }

    private record Household(int grid, String address, Long[] residents, String[] tags) {
    }

    static Counts write(Connection c, Config.Care cadence, SplittableRandom rnd, long seed, Instant now) throws SQLException {
        LocalDate today = now.atZone(SHANGHAI).toLocalDate();
        LocalDate first = today.minusDays(DAYS);
        var rows = new CopyRows();
        int households = 0;
        int overdue = 0;
        int never = 0;
        long id = Sql.one(c, "SELECT coalesce(max(id), 0) FROM care_visit", rs -> rs.getLong(1)).orElse(0L);
        for (Household h : Sql.list(c, HOUSEHOLDS, rs -> new Household(rs.getInt(1), rs.getString(2),
                (Long[]) rs.getArray(3).getArray(), (String[]) rs.getArray(4).getArray()))) {
            Integer days = null;
            for (String tag : h.tags()) {
                var d = cadence.daysFor(tag);
                if (d.isPresent() && (days == null || d.get() < days)) {
                    days = d.get();
                }
            }
            if (days == null) {
                continue; // no tag of the household asks visits
            }
            households++;
            double fate = rnd.nextDouble();
            if (fate < 0.05) {
                never++;
                continue; // never visited
            }
            // a lapsed household's worker stopped coming some time before its visit fell due
            LocalDate stop = fate < 0.25 ? today.minusDays(days + 1 + rnd.nextInt(Math.max(2, Math.min(30, days)))) : today;
            LocalDate last = null;
            // the last few rounds are what the lists show: a short cadence goes back fewer days than a long one
            LocalDate from = first.isAfter(today.minusDays((long) ROUNDS * days)) ? first : today.minusDays((long) ROUNDS * days);
            for (LocalDate day = from.plusDays(rnd.nextInt(days)); !day.isAfter(stop); day = day.plusDays(gap(rnd, days))) {
                String kind = kind(rnd);
                String note = pick(rnd, kind.equals("home") ? HOME : kind.equals("phone") ? PHONE : ERRAND);
                String needs = rnd.nextInt(12) == 0 ? pick(rnd, NEEDS) : null;
                OffsetDateTime recorded = day.atTime(9, 0).atZone(SHANGHAI).plusMinutes(rnd.nextInt(9 * 60)).toOffsetDateTime();
                if (recorded.toInstant().isAfter(now)) {
                    recorded = now.atOffset(ZoneOffset.ofHours(8));
                }
                rows.field(++id).field(h.grid()).field(h.address()).field(h.residents()[rnd.nextInt(h.residents().length)])
                        .field(kind).field(day).field(note).field(needs)
                        .field(UUID.nameUUIDFromBytes((seed + "/care_visit/" + id).getBytes(StandardCharsets.UTF_8)))
                        .field(recorded);
                rows.end();
                last = day;
            }
            if (last == null) {
                never++;
            } else if (last.plusDays(days).isBefore(today)) {
                overdue++;
            }
        }
        rows.copyInto(c, "care_visit", COLUMNS);
        Sql.one(c, "SELECT setval(pg_get_serial_sequence('care_visit', 'id'), max(id)) FROM care_visit HAVING max(id) IS NOT NULL",
                rs -> rs.getLong(1));
        return new Counts(households, rows.rows(), overdue + never, never, 0);
    }

    /** Days to the next visit: on time mostly, a few days late now and then. */
    private static int gap(SplittableRandom rnd, int cadence) {
        double share = rnd.nextInt(10) == 0 ? 1.0 + rnd.nextDouble() * 0.3 : 0.6 + rnd.nextDouble() * 0.4;
        return Math.max(1, (int) Math.round(cadence * share));
    }

    private static String kind(SplittableRandom rnd) {
        int k = rnd.nextInt(20);
        return k < 11 ? "home" : k < 18 ? "phone" : "errand";
    }

    private static String pick(SplittableRandom rnd, List<String> from) {
        return from.get(rnd.nextInt(from.size()));
    }
}
