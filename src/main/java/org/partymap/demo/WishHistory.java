package org.partymap.demo;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.partymap.db.Sql;

/**
 * The demo district's four months of 微心愿: in every community, wishes of residents with care tags
 * (换灯泡 for the empty-nest elderly, a wheelchair for the disabled, homework help for left-behind
 * children …), most of the older ones claimed by party members of the community's 楼栋党小组 or by
 * residents and fulfilled with a thank-you, the recent ones open or claimed. Nothing on the wall
 * names a person: the situations are written as a worker writes them for the public. The rows
 * follow from the demo's seed, the district and the clock.
 */
public final class WishHistory {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final int PHASE = 21;
    private static final int DAYS = 120;

    /** A wish a worker would post for a resident with one of {@code tags}: title, category, situation for the wall. */
    private record Kind(List<String> tags, String title, String category, String situation) {
    }

    private static final List<String> ELDERLY = List.of("空巢老人", "独居老人", "高龄老人");
    private static final List<Kind> KINDS = List.of(
            new Kind(ELDERLY, "希望有人帮忙换灯泡", "repair", "老人独居，够不着顶灯"),
            new Kind(ELDERLY, "希望有人陪同去医院复查", "companion", "老人腿脚不便，子女在外地工作"),
            new Kind(ELDERLY, "希望有人帮忙修理漏水的水龙头", "repair", "厨房水龙头一直滴水，老人自己修不了"),
            new Kind(ELDERLY, "希望有人教我用智能手机视频通话", "study", "想和在外地上学的孙子视频"),
            new Kind(ELDERLY, "希望有人帮忙代买米面油", "errand", "老人行动不便，上下楼困难"),
            new Kind(ELDERLY, "希望有人常来陪我聊聊天", "companion", "老伴去世后一个人在家，话少了"),
            new Kind(ELDERLY, "希望有人上门帮忙理发", "other", "高龄老人，出门不方便"),
            new Kind(ELDERLY, "希望冬天前有人帮忙装好窗户密封条", "repair", "老房子窗户漏风"),
            new Kind(List.of("残疾人"), "希望有人帮忙借一台轮椅", "goods", "下肢残疾，原来的轮椅坏了"),
            new Kind(List.of("残疾人"), "希望有人帮忙在卫生间装扶手", "repair", "行动不便，洗澡时怕滑倒"),
            new Kind(List.of("残疾人"), "希望有人陪同办理残疾证年审", "errand", "视力不好，一个人去不方便"),
            new Kind(List.of("低保户"), "希望有一台旧冰箱", "goods", "家庭困难，冰箱坏了舍不得买新的"),
            new Kind(List.of("低保户"), "希望孩子冬天有件新棉衣", "goods", "家庭困难，孩子长得快"),
            new Kind(List.of("留守儿童"), "希望有人辅导数学作业", "study", "父母在外打工，爷爷奶奶辅导不了"),
            new Kind(List.of("留守儿童"), "希望有一套课外书", "goods", "孩子爱看书，家里书不多"),
            new Kind(List.of("留守儿童"), "希望有人带我去一次科技馆", "companion", "父母在外地，周末没人带出门"),
            new Kind(List.of("退役军人"), "希望有人帮忙申请优待证", "errand", "老兵年纪大了，不会网上申请"));

    private static final String[][] THANKS = {
        {"repair", "修好了，谢谢党员同志！"}, {"repair", "灯亮了，心里也亮堂了，谢谢！"},
        {"companion", "谢谢志愿者陪我跑前跑后"}, {"companion", "有人说说话，心里暖和多了"},
        {"errand", "东西送到家门口，太感谢了"}, {"errand", "手续办好了，谢谢你们"},
        {"goods", "收到了，谢谢好心人！"}, {"goods", "孩子很喜欢，谢谢！"},
        {"study", "孩子成绩进步了，谢谢老师"}, {"study", "学会视频通话了，谢谢小伙子"},
        {"other", "谢谢大家的关心"}};

    private static final String COMMUNITIES = "SELECT id FROM community ORDER BY id";
    private static final String CARE_RESIDENTS = """
            SELECT r.id, r.grid_id, r.care_tags FROM resident r JOIN grid g ON g.id = r.grid_id
             WHERE g.community_id = ? AND cardinality(r.care_tags) > 0 ORDER BY r.id""";
    private static final String GROUPS = """
            SELECT p.id FROM party_group p JOIN grid g ON g.id = p.grid_id WHERE g.community_id = ? ORDER BY p.id""";
    private static final String INSERT = """
            INSERT INTO wish (grid_id, resident_id, title, category, situation, due_on, status, posted_at, claimed_at, claimant_name,
                              claimant_phone, claimant_party_group_id, claim_confirmed, fulfilled_at, thanks, withdrawn_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /** What was written. */
    public record Counts(int wishes, int fulfilled) {
        public String describe() {
            return String.format(Locale.ROOT, "%,d wishes, %,d of them fulfilled", wishes, fulfilled);
        }
    }

    private WishHistory() {
    }

    /** Writes the months of wishes on the demo's first start, once: null when any wish exists. */
    public static Counts writeIfEmpty(DataSource ds, java.nio.file.Path dataDir, Clock clock, PrintStream log) {
        var inputs = DemoInputs.read(dataDir);
        var people = new People(inputs);
        Counts counts = Sql.transaction(ds, c -> {
            Sql.update(c, "LOCK TABLE wish IN SHARE ROW EXCLUSIVE MODE");
            if (Sql.one(c, "SELECT EXISTS (SELECT 1 FROM wish)", rs -> rs.getBoolean(1)).orElse(true)) {
                return null;
            }
            return write(c, people, DemoGenerator.random(inputs, PHASE), clock.instant());
        });
        if (counts != null && log != null) {
            log.println("demo: four months of 微心愿: " + counts.describe());
        }
        return counts;
    }

    static Counts write(Connection c, People people, SplittableRandom rnd, Instant now) throws SQLException {
        LocalDate today = now.atZone(SHANGHAI).toLocalDate();
        int wishes = 0;
        int fulfilled = 0;
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            for (int community : Sql.list(c, COMMUNITIES, rs -> rs.getInt(1))) {
                record Care(long id, int grid, List<String> tags) {
                }
                List<Care> care = Sql.list(c, CARE_RESIDENTS, rs -> new Care(rs.getLong(1), rs.getInt(2),
                        List.of((String[]) rs.getArray(3).getArray())), community);
                List<Integer> groups = Sql.list(c, GROUPS, rs -> rs.getInt(1), community);
                if (care.isEmpty()) {
                    continue;
                }
                int count = 8 + rnd.nextInt(9);
                for (int n = 0; n < count; n++) {
                    Care resident = care.get(rnd.nextInt(care.size()));
                    List<Kind> fitting = KINDS.stream().filter(k -> k.tags().stream().anyMatch(resident.tags()::contains)).toList();
                    if (fitting.isEmpty()) {
                        continue;
                    }
                    Kind kind = fitting.get(rnd.nextInt(fitting.size()));
                    int age = rnd.nextInt(DAYS);
                    Instant posted = now.minus(Duration.ofDays(age)).minus(Duration.ofMinutes(rnd.nextInt(600)));
                    LocalDate postedOn = posted.atZone(SHANGHAI).toLocalDate();
                    LocalDate due = postedOn.plusDays(7 + rnd.nextInt(24));
                    String status = status(rnd, age);
                    if (status.equals("open") && due.isBefore(today)) {
                        due = today.plusDays(3 + rnd.nextInt(10));
                    }
                    Instant claimed = null;
                    Instant done = null;
                    Instant withdrawn = null;
                    String name = null;
                    String phone = null;
                    Integer group = null;
                    String thanks = null;
                    if (status.equals("claimed") || status.equals("fulfilled")) {
                        claimed = later(posted, Duration.ofHours(2 + rnd.nextInt(70)), now);
                        name = people.name(rnd, rnd.nextBoolean(), 1955 + rnd.nextInt(45));
                        if (!groups.isEmpty() && rnd.nextInt(10) < 7) {
                            group = groups.get(rnd.nextInt(groups.size()));
                        } else {
                            phone = String.format(Locale.ROOT, "0515-0%07d", rnd.nextInt(10_000_000));
                        }
                    }
                    if (status.equals("fulfilled")) {
                        done = later(claimed, Duration.ofHours(12 + rnd.nextInt(24 * 10)), now);
                        if (rnd.nextInt(10) < 7) {
                            List<String> fit = java.util.Arrays.stream(THANKS).filter(t -> t[0].equals(kind.category())).map(t -> t[1]).toList();
                            thanks = fit.get(rnd.nextInt(fit.size()));
                        }
                        fulfilled++;
                    }
                    if (status.equals("withdrawn")) {
                        withdrawn = later(posted, Duration.ofDays(1 + rnd.nextInt(5)), now);
                    }
                    Instant updated = withdrawn != null ? withdrawn : done != null ? done : claimed != null ? claimed : posted;
                    Sql.bind(insert, resident.grid(), resident.id(), kind.title(), kind.category(), kind.situation(), due, status,
                            Timestamp.from(posted), timestamp(claimed), name, phone, group, claimed == null ? null : true,
                            timestamp(done), thanks, timestamp(withdrawn), Timestamp.from(updated));
                    insert.addBatch();
                    wishes++;
                }
            }
            insert.executeBatch();
        }
        return new Counts(wishes, fulfilled);
    }

    /** Older wishes are mostly fulfilled; the last days' mostly open. */
    private static String status(SplittableRandom rnd, int age) {
        int roll = rnd.nextInt(100);
        if (age > 20) {
            return roll < 82 ? "fulfilled" : roll < 92 ? "claimed" : "withdrawn";
        }
        if (age > 5) {
            return roll < 40 ? "fulfilled" : roll < 80 ? "claimed" : "open";
        }
        return roll < 70 ? "open" : "claimed";
    }

    private static Instant later(Instant from, Duration by, Instant now) {
        Instant t = from.plus(by);
        return t.isAfter(now) ? now : t;
    }

    private static Timestamp timestamp(Instant t) {
        return t == null ? null : Timestamp.from(t);
    }
}
