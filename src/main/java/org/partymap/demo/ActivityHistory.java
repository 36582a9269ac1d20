package org.partymap.demo;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.partymap.db.Sql;

/**
 * The demo district's season of activities and service projects: at every community's 党群服务中心 a
 * weekly 党员活动日, a monthly 民情分析会 for staff only and the yearly 邻居节; in every 党员活动室 a
 * weekly 文体 afternoon and a monthly 健康讲座; the community's 服务项目 from the services its posts
 * offer (放学来吧, 助残服务站 …); and residents' sign-ups for the coming occurrences. The season began
 * eight weeks before the clock and runs on past it; the content follows from the demo's seed and the
 * district, so the same database and clock give the same rows.
 */
public final class ActivityHistory {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final int PHASE = 20;

    /** The projects the source names, with whom they are for and what they do. */
    private static final Map<String, String[]> PROJECTS = new LinkedHashMap<>();

    static {
        PROJECTS.put("放学来吧", new String[] {"双职工家庭的小学生", "放学后到社区做作业、读书，志愿者和退休教师看护到家长下班"});
        PROJECTS.put("助残服务站", new String[] {"辖区残疾人及其家属", "康复器材借用、上门代办、就业咨询和每月一次的康复指导"});
        PROJECTS.put("宜馨关爱之家", new String[] {"空巢、独居老人", "助餐、理发、陪聊和健康监测，网格员定期上门走访"});
        PROJECTS.put("健康鹤之声", new String[] {"中老年居民", "社区医生每月健康讲座、量血压测血糖和慢病随访"});
        PROJECTS.put("阳光助学", new String[] {"困难家庭的中小学生", "党员结对助学、学习用品捐助和寒暑假辅导"});
        PROJECTS.put("就业帮扶360", new String[] {"失业人员和高校毕业生", "岗位推荐、技能培训报名和创业政策咨询"});
        PROJECTS.put("幸福1+1", new String[] {"结对帮扶的困难家庭", "一名党员结对一户困难家庭，每月至少联系一次"});
        PROJECTS.put("清洁家园", new String[] {"全体居民", "每周志愿清扫楼道、清理小广告和垃圾分类督导"});
        PROJECTS.put("温暖星期六", new String[] {"社区老人和儿童", "每周六上午志愿者开展理发、维修小家电、磨剪刀等便民服务"});
        PROJECTS.put("周末戏台", new String[] {"戏曲爱好者", "周末淮剧、京剧票友演唱和社区文艺队排练"});
    }

    private static final String CENTRES = """
            SELECT c.id, c.name, st.id FROM community c
              JOIN LATERAL (SELECT s.id FROM station s WHERE s.kind = 'service_centre' AND s.community_id = c.id ORDER BY s.id LIMIT 1) st ON true
             ORDER BY c.id""";
    private static final String ROOMS = """
            SELECT s.id, s.name FROM station s LEFT JOIN grid g ON g.id = s.grid_id
             WHERE s.kind = 'activity_room' AND coalesce(s.community_id, g.community_id) = ? ORDER BY s.id""";
    private static final String SERVICES = """
            SELECT s.id, svc FROM station s LEFT JOIN grid g ON g.id = s.grid_id, unnest(s.services) AS svc
             WHERE coalesce(s.community_id, g.community_id) = ? ORDER BY s.id, svc""";
    private static final String ACTIVITY = """
            INSERT INTO activity (station_id, title, kind, starts_at, ends_at, capacity, description, rrule, public, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""";
    private static final String SIGNUP = """
            INSERT INTO activity_signup (activity_id, occurrence_start, name, phone, token_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)""";
    private static final String PROJECT = """
            INSERT INTO service_project (community_id, name, description, audience, station_id, contact, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

    /** What was written. */
    public record Counts(int activities, int signups, int projects) {
        public String describe() {
            return String.format(Locale.ROOT, "%,d activities, %,d sign-ups, %,d service projects", activities, signups, projects);
        }
    }

    private ActivityHistory() {
    }

    /** Writes the season on the demo's first start, once: null when any activity exists. */
    public static Counts writeIfEmpty(DataSource ds, java.nio.file.Path dataDir, Clock clock, PrintStream log) {
        var inputs = DemoInputs.read(dataDir);
        var people = new People(inputs);
        Counts counts = Sql.transaction(ds, c -> {
            Sql.update(c, "LOCK TABLE activity IN SHARE ROW EXCLUSIVE MODE");
            if (Sql.one(c, "SELECT EXISTS (SELECT 1 FROM activity)", rs -> rs.getBoolean(1)).orElse(true)) {
                return null;
            }
            return write(c, people, DemoGenerator.random(inputs, PHASE), inputs.seed(), clock.instant());
        });
        if (counts != null && log != null) {
            log.println("demo: a season of activities: " + counts.describe());
        }
        return counts;
    }

    static Counts write(Connection c, People people, SplittableRandom rnd, long seed, Instant now) throws SQLException {
        LocalDate today = now.atZone(SHANGHAI).toLocalDate();
        LocalDate seasonStart = today.minusWeeks(8);
        Timestamp created = Timestamp.from(seasonStart.minusDays(7).atStartOfDay(SHANGHAI).toInstant());
        int activities = 0;
        int signups = 0;
        int projects = 0;
        record Centre(int community, String name, int station) {
        }
        List<Centre> centres = Sql.list(c, CENTRES, rs -> new Centre(rs.getInt(1), rs.getString(2), rs.getInt(3)));
        for (Centre centre : centres) {
            var upcoming = new ArrayList<long[]>(); // activity id, occurrence start (epoch ms), capacity
            LocalDate saturday = seasonStart.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
            long party = activity(c, centre.station(), "党员活动日：学习、议事与志愿服务", "party", at(saturday, 9, 0), at(saturday, 11, 0), 40,
                    "每周六上午，网格党支部党员集中学习，议社区事，再分组到楼栋开展志愿服务。欢迎居民党员和入党积极分子参加。",
                    "FREQ=WEEKLY;COUNT=26", true, created);
            weekly(upcoming, party, at(saturday, 9, 0), 26, 40, now);
            LocalDate meeting = seasonStart.withDayOfMonth(1).plusMonths(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
            activity(c, centre.station(), "民情分析会", "opinion_meeting", at(meeting, 15, 0), at(meeting, 16, 30), null,
                    "每月第一个周一下午，网格长汇报本月民情，研判矛盾纠纷和待办事项（工作人员参加）。", "FREQ=MONTHLY;COUNT=6", false, created);
            LocalDate festival = today.plusWeeks(2 + rnd.nextInt(5)).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
            long feast = activity(c, centre.station(), centre.name() + "邻居节", "neighbourhood_festival", at(festival, 9, 0), at(festival, 16, 0), 200,
                    "一年一度的邻居节：百家宴、才艺展示、便民服务摊位和亲子游戏，邻里相识，守望相助。", null, true, created);
            upcoming.add(new long[] {feast, at(festival, 9, 0).toInstant().toEpochMilli(), 200});
            activities += 3;
            for (var room : Sql.list(c, ROOMS, rs -> new Object[] {rs.getInt(1), rs.getString(2)}, centre.community())) {
                int station = (Integer) room[0];
                LocalDate tuesday = seasonStart.with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
                long culture = activity(c, station, "周末戏台排练与文艺活动", "culture", at(tuesday, 14, 30), at(tuesday, 16, 30), 25,
                        "社区文艺队排练淮剧、广场舞和合唱，新朋友随时加入。", "FREQ=WEEKLY;COUNT=20", true, created);
                weekly(upcoming, culture, at(tuesday, 14, 30), 20, 25, now);
                LocalDate thursday = seasonStart.with(TemporalAdjusters.nextOrSame(DayOfWeek.THURSDAY));
                activity(c, station, "健康鹤之声：社区医生健康讲座", "lecture", at(thursday, 9, 30), at(thursday, 11, 0), 50,
                        "社区卫生服务中心医生讲慢病防治，讲座后免费量血压、测血糖。", "FREQ=MONTHLY;COUNT=6", true, created);
                activities += 2;
            }
            var offered = new LinkedHashMap<String, Integer>();
            for (var row : Sql.list(c, SERVICES, rs -> new Object[] {rs.getInt(1), rs.getString(2)}, centre.community())) {
                offered.putIfAbsent((String) row[1], (Integer) row[0]);
            }
            for (var p : PROJECTS.entrySet()) {
                Integer station = offered.get(p.getKey());
                if (station != null) {
                    Sql.update(c, PROJECT, centre.community(), p.getKey(), p.getValue()[1], p.getValue()[0], station,
                            centre.name() + "党群服务中心", created, created);
                    projects++;
                }
            }
            for (long[] occurrence : upcoming) {
                int seats = (int) Math.min(occurrence[2], 1 + rnd.nextInt(8));
                for (int i = 0; i < seats; i++) {
                    String name = people.name(rnd, rnd.nextBoolean(), 1950 + rnd.nextInt(50));
                    String phone = String.format(Locale.ROOT, "0515-0%07d", rnd.nextInt(10_000_000));
                    long id = ++signups;
                    Sql.update(c, SIGNUP, occurrence[0], new Timestamp(occurrence[1]), name, phone,
                            ServiceHistory.sha256(seed + "/activity_signup/" + id), Timestamp.from(now.minusSeconds(3600L * (1 + rnd.nextInt(240)))));
                }
            }
        }
        return new Counts(activities, signups, projects);
    }

    /** The next two coming occurrences of a weekly rule, with its seats, for sign-ups. */
    private static void weekly(List<long[]> upcoming, long activity, ZonedDateTime first, int count, int capacity, Instant now) {
        int taken = 0;
        for (int k = 0; k < count && taken < 2; k++) {
            Instant start = first.plusWeeks(k).toInstant();
            if (start.isAfter(now)) {
                upcoming.add(new long[] {activity, start.toEpochMilli(), capacity});
                taken++;
            }
        }
    }

    private static ZonedDateTime at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(SHANGHAI);
    }

    private static long activity(Connection c, int station, String title, String kind, ZonedDateTime start, ZonedDateTime end, Integer capacity,
                                 String description, String rrule, boolean open, Timestamp created) throws SQLException {
        return Sql.one(c, ACTIVITY, rs -> rs.getLong(1), station, title, kind, Timestamp.from(start.toInstant()), Timestamp.from(end.toInstant()),
                capacity, description, rrule, open, created, created).orElseThrow();
    }
}
