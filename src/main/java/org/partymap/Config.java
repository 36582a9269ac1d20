package org.partymap;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.partymap.map.TileSource;

/**
 * Everything partymap reads from its environment, checked once at start.
 *
 * <p>Every setting has a default so that {@code ./partymap demo} needs none. A bad value fails
 * fast with a message that names the variable, never later with a stack trace.
 *
 * @param home       PARTYMAP_HOME: where the embedded cluster and other state live
 * @param dataDir    PARTYMAP_DATA: the base layers shipped in the checkout's {@code data/}
 * @param host       PARTYMAP_HOST: the interface the HTTP server binds
 * @param port       PARTYMAP_PORT: the HTTP port; 0 picks a free one
 * @param dbUrl      PARTYMAP_DB_URL: an external database; empty means the embedded cluster
 * @param dbPoolSize PARTYMAP_DB_POOL: connections in the pool (and as many again to a read replica)
 * @param dbReadUrl  PARTYMAP_DB_READ_URL: a streaming replica of the database, for the public
 *                   look-ups; same user and password; empty means everything reads the primary
 * @param pgBin      PARTYMAP_PG_BIN: the PostgreSQL server binaries for the embedded cluster;
 *                   empty means the newest under /usr/lib/postgresql that has PostGIS
 * @param publicUrl  PARTYMAP_PUBLIC_URL: the address users reach the server at, if known; an
 *                   https address makes the session cookie Secure
 * @param security   sessions, rate limits and upload limits
 * @param tiles      PARTYMAP_TILE_*: an external tile service under the map; empty means partymap
 *                   draws its own basemap from its data
 * @param httpThreads PARTYMAP_HTTP_THREADS: Jetty's request threads. Few on purpose: requests
 *                   block on the database, and threads beyond a few per core only queue for the
 *                   CPU, where a preempted one holds its request for a whole scheduler period
 * @param booking    PARTYMAP_BOOKING_*: the slots of 预约办事
 * @param cards      PARTYMAP_EMERGENCY_NUMBERS: what the 便民卡 prints besides the grid's own data
 * @param care       PARTYMAP_CARE_CADENCE: how often each care household is due a visit (走访)
 */
public record Config(
        Path home,
        Path dataDir,
        String host,
        int port,
        Optional<String> dbUrl,
        Optional<String> dbUser,
        Optional<String> dbPassword,
        int dbPoolSize,
        Optional<String> dbReadUrl,
        Optional<Path> pgBin,
        Optional<URI> publicUrl,
        Security security,
        Optional<TileSource> tiles,
        int httpThreads,
        Consult consult,
        Booking booking,
        Cards cards,
        Care care) {

    public static final int DEFAULT_PORT = 7070;

    /** Reads the process environment. */
    public static Config fromEnv() {
        return fromEnv(System.getenv());
    }

    public static Config fromEnv(Map<String, String> env) {
        return new Config(
                Path.of(text(env, "PARTYMAP_HOME").orElse("var")).toAbsolutePath().normalize(),
                Path.of(text(env, "PARTYMAP_DATA").orElse("data")).toAbsolutePath().normalize(),
                text(env, "PARTYMAP_HOST").orElse("127.0.0.1"),
                integer(env, "PARTYMAP_PORT", DEFAULT_PORT, 0, 65535),
                text(env, "PARTYMAP_DB_URL").map(url -> checkJdbcUrl("PARTYMAP_DB_URL", url)),
                text(env, "PARTYMAP_DB_USER"),
                text(env, "PARTYMAP_DB_PASSWORD"),
                integer(env, "PARTYMAP_DB_POOL", 16, 1, 200),
                readUrl(env),
                text(env, "PARTYMAP_PG_BIN").map(Path::of),
                text(env, "PARTYMAP_PUBLIC_URL").map(Config::checkPublicUrl),
                Security.fromEnv(env),
                TileSource.fromEnv(env),
                integer(env, "PARTYMAP_HTTP_THREADS", defaultHttpThreads(), 8, 1000),
                Consult.fromEnv(env),
                Booking.fromEnv(env),
                Cards.fromEnv(env),
                Care.fromEnv(env));
    }

    /** The process environment as a benchmark runs it: the configured database, a free port, no public rate limit. */
    public static Config forBenchmark() {
        var env = new java.util.HashMap<>(System.getenv());
        env.put("PARTYMAP_PORT", "0");
        env.put("PARTYMAP_RATE_LIMIT", "0");
        return fromEnv(env);
    }

    /** A copy listening on another port (tests use 0). */
    public Config withPort(int newPort) {
        return new Config(home, dataDir, host, newPort, dbUrl, dbUser, dbPassword, dbPoolSize, dbReadUrl, pgBin, publicUrl, security, tiles,
                httpThreads, consult, booking, cards, care);
    }

    /** True when users reach partymap over https, so that cookies must be Secure. */
    public boolean https() {
        return publicUrl.map(u -> "https".equals(u.getScheme())).orElse(false);
    }

    /** Four request threads per core, at least eight: on 2 cores the tail latency was 4× shorter than with 16. */
    static int defaultHttpThreads() {
        return Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
    }

    public boolean embeddedDatabase() {
        return dbUrl.isEmpty();
    }

    /** The effective configuration for the start-up log, with the password masked. */
    public Map<String, String> describe() {
        var out = new LinkedHashMap<String, String>();
        out.put("PARTYMAP_HOME", home.toString());
        out.put("PARTYMAP_DATA", dataDir.toString());
        out.put("PARTYMAP_HOST", host);
        out.put("PARTYMAP_PORT", Integer.toString(port));
        out.put("PARTYMAP_DB_URL", dbUrl.orElse("(embedded cluster under " + home.resolve("pg") + ")"));
        out.put("PARTYMAP_DB_USER", dbUser.orElse("(default)"));
        out.put("PARTYMAP_DB_PASSWORD", dbPassword.map(p -> "****").orElse("(none)"));
        out.put("PARTYMAP_DB_POOL", Integer.toString(dbPoolSize));
        out.put("PARTYMAP_DB_READ_URL", dbReadUrl.orElse("(none: public look-ups read the primary)"));
        out.put("PARTYMAP_PG_BIN", pgBin.map(Path::toString).orElse("(auto)"));
        out.put("PARTYMAP_PUBLIC_URL", publicUrl.map(URI::toString).orElse("(not set)"));
        out.put("PARTYMAP_RATE_LIMIT", security.rateLimit() == 0 ? "0 (off)" : security.rateLimit() + " per second per client");
        out.put("PARTYMAP_SESSION_IDLE_MINUTES", Long.toString(security.sessionIdle().toMinutes()));
        out.put("PARTYMAP_SESSION_MAX_HOURS", Long.toString(security.sessionMax().toHours()));
        out.put("PARTYMAP_TRUST_PROXY", Boolean.toString(security.trustProxy()));
        out.put("PARTYMAP_IMPORT_MAX_MB", Long.toString(security.importMaxBytes() / MB));
        out.put("PARTYMAP_HTTP_THREADS", Integer.toString(httpThreads));
        out.put("PARTYMAP_CONSULT_TARGET_MINUTES", Long.toString(consult.target().toMinutes()));
        out.put("PARTYMAP_CONSULT_ESCALATE_MINUTES", Long.toString(consult.escalate().toMinutes()));
        out.put("PARTYMAP_CONSULT_POSTS_PER_HOUR", consult.postsPerHour() == 0 ? "0 (off)" : consult.postsPerHour() + " per client, "
                + consult.postsPerHour() * Consult.PER_GRID_FACTOR + " per grid");
        out.put("PARTYMAP_BOOKING_SLOT_MINUTES", Integer.toString(booking.slotMinutes()));
        out.put("PARTYMAP_BOOKING_CAPACITY", Integer.toString(booking.capacity()));
        out.put("PARTYMAP_EMERGENCY_NUMBERS", Cards.describe(cards.emergencyNumbers()));
        out.put("PARTYMAP_CARE_CADENCE", care.describe());
        out.put("PARTYMAP_TILE_URL", tiles.map(t -> t.url() + " (" + t.crs() + ")").orElse("(none: partymap draws its own basemap)"));
        return out;
    }

    private static final long MB = 1024L * 1024;

    /**
     * What protects the server and its accounts.
     *
     * @param rateLimit      PARTYMAP_RATE_LIMIT: requests per second per client on public look-ups
     *                       (bursts of three times as many); 0 turns the limit off, for benchmarks
     * @param sessionIdle    PARTYMAP_SESSION_IDLE_MINUTES: a session unused this long ends
     * @param sessionMax     PARTYMAP_SESSION_MAX_HOURS: a session ends this long after login, used or not
     * @param trustProxy     PARTYMAP_TRUST_PROXY: take the client's address from the last
     *                       X-Forwarded-For entry (only behind a proxy that sets it)
     * @param importMaxBytes PARTYMAP_IMPORT_MAX_MB: the largest layer file an admin may upload
     */
    public record Security(int rateLimit, Duration sessionIdle, Duration sessionMax,
                           boolean trustProxy, long importMaxBytes) {

        public static Security fromEnv(Map<String, String> env) {
            var idle = Duration.ofMinutes(integer(env, "PARTYMAP_SESSION_IDLE_MINUTES", 30, 1, 24 * 60));
            var max = Duration.ofHours(integer(env, "PARTYMAP_SESSION_MAX_HOURS", 12, 1, 24 * 30));
            if (max.compareTo(idle) < 0) {
                throw new ConfigException("PARTYMAP_SESSION_MAX_HOURS must not be shorter than PARTYMAP_SESSION_IDLE_MINUTES");
            }
            return new Security(
                    integer(env, "PARTYMAP_RATE_LIMIT", 10, 0, 100_000),
                    idle,
                    max,
                    bool(env, "PARTYMAP_TRUST_PROXY"),
                    integer(env, "PARTYMAP_IMPORT_MAX_MB", 64, 1, 2048) * MB);
        }
    }

    /**
     * 社区通's clock and its guard against floods.
     *
     * @param target       PARTYMAP_CONSULT_TARGET_MINUTES: the first answer is due this much service
     *                     time after the clock starts (15 in the source); past it the question goes
     *                     to the whole community
     * @param escalate     PARTYMAP_CONSULT_ESCALATE_MINUTES: past this much service time unanswered,
     *                     to the subdistrict's planners (120)
     * @param postsPerHour PARTYMAP_CONSULT_POSTS_PER_HOUR: new questions per client an hour (10),
     *                     and {@link #PER_GRID_FACTOR} times as many per grid; 0 turns both off
     */
    public record Consult(Duration target, Duration escalate, int postsPerHour) {

        public static final int PER_GRID_FACTOR = 6;

        public static Consult fromEnv(Map<String, String> env) {
            var target = Duration.ofMinutes(integer(env, "PARTYMAP_CONSULT_TARGET_MINUTES", 15, 1, 24 * 60));
            var escalate = Duration.ofMinutes(integer(env, "PARTYMAP_CONSULT_ESCALATE_MINUTES", 120, 1, 7 * 24 * 60));
            if (escalate.compareTo(target) < 0) {
                throw new ConfigException("PARTYMAP_CONSULT_ESCALATE_MINUTES must not be shorter than PARTYMAP_CONSULT_TARGET_MINUTES");
            }
            return new Consult(target, escalate, integer(env, "PARTYMAP_CONSULT_POSTS_PER_HOUR", 10, 0, 100_000));
        }
    }

    /**
     * The slots residents book at a post (预约办事).
     *
     * @param slotMinutes PARTYMAP_BOOKING_SLOT_MINUTES: the length of a slot; slots follow each
     *                    other from the start of every open interval, and one that would run past
     *                    its end is not offered
     * @param capacity    PARTYMAP_BOOKING_CAPACITY: how many residents may book one slot
     */
    public record Booking(int slotMinutes, int capacity) {

        public static Booking fromEnv(Map<String, String> env) {
            return new Booking(integer(env, "PARTYMAP_BOOKING_SLOT_MINUTES", 30, 5, 240),
                    integer(env, "PARTYMAP_BOOKING_CAPACITY", 2, 1, 100));
        }

        public Duration slot() {
            return Duration.ofMinutes(slotMinutes);
        }
    }

    /**
     * What every 便民卡 of the district prints besides its grid's data.
     *
     * @param emergencyNumbers PARTYMAP_EMERGENCY_NUMBERS: the district's emergency and hotline
     *                         numbers as {@code "报警 110;火警 119;急救 120;市民热线 12345"}: entries
     *                         separated by semicolons, each a label, a space and the number; at
     *                         most {@value #MAX_EMERGENCY} (the back of the card has room for no more)
     */
    public record Cards(java.util.List<EmergencyNumber> emergencyNumbers) {

        public static final int MAX_EMERGENCY = 6;
        public static final String DEFAULT_EMERGENCY = "报警 110;火警 119;急救 120;市民热线 12345";
        private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[0-9][0-9-]{1,15}");

        public Cards {
            emergencyNumbers = java.util.List.copyOf(emergencyNumbers);
        }

        public static Cards fromEnv(Map<String, String> env) {
            String raw = text(env, "PARTYMAP_EMERGENCY_NUMBERS").orElse(DEFAULT_EMERGENCY);
            var numbers = new java.util.ArrayList<EmergencyNumber>();
            for (String entry : raw.split(";")) {
                String e = entry.strip();
                if (e.isEmpty()) {
                    continue;
                }
                int space = Math.max(e.lastIndexOf(' '), e.lastIndexOf('\u3000'));
                String label = space < 0 ? "" : e.substring(0, space).strip();
                String number = space < 0 ? e : e.substring(space + 1).strip();
                if (label.isEmpty() || label.length() > 8 || label.chars().anyMatch(ch -> ch < 0x20) || !NUMBER.matcher(number).matches()) {
                    throw new ConfigException("PARTYMAP_EMERGENCY_NUMBERS: '" + e + "' is not a label (1–8 characters), a space and a"
                            + " number (digits and hyphens); write entries like \"" + DEFAULT_EMERGENCY + "\"");
                }
                numbers.add(new EmergencyNumber(label, number));
            }
            if (numbers.isEmpty() || numbers.size() > MAX_EMERGENCY) {
                throw new ConfigException("PARTYMAP_EMERGENCY_NUMBERS must name 1 to " + MAX_EMERGENCY + " numbers, not " + numbers.size());
            }
            return new Cards(numbers);
        }

        static String describe(java.util.List<EmergencyNumber> numbers) {
            return String.join(";", numbers.stream().map(n -> n.label() + " " + n.number()).toList());
        }
    }

    /**
     * How often a care household is due a visit (走访), by care tag.
     *
     * @param cadence       PARTYMAP_CARE_CADENCE: days between visits per care tag, as
     *                      {@code "独居老人=7,空巢老人=14,残疾人=30"}; a household is due as often as the
     *                      most demanding of its residents' tags asks
     * @param otherwiseDays the entry {@code *=days}: the cadence of every tag not listed; empty
     *                      (no such entry) makes a household whose tags are all unlisted no care
     *                      household for visits
     */
    public record Care(java.util.Map<String, Integer> cadence, Optional<Integer> otherwiseDays) {

        public static final String DEFAULT_CADENCE = "独居老人=7,空巢老人=14,高龄老人=14,残疾人=30,低保户=30,留守儿童=30,退役军人=90,*=30";
        public static final int MAX_DAYS = 365;

        public Care {
            cadence = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cadence));
        }

        public static Care fromEnv(Map<String, String> env) {
            String raw = text(env, "PARTYMAP_CARE_CADENCE").orElse(DEFAULT_CADENCE);
            var cadence = new java.util.LinkedHashMap<String, Integer>();
            Integer otherwise = null;
            for (String entry : raw.split("[,，;]")) {
                String e = entry.strip();
                if (e.isEmpty()) {
                    continue;
                }
                int eq = e.indexOf('=');
                String tag = eq < 0 ? "" : e.substring(0, eq).strip();
                String days = eq < 0 ? "" : e.substring(eq + 1).strip();
                if (tag.isEmpty() || tag.length() > 16 || tag.chars().anyMatch(ch -> ch < 0x20) || !days.matches("[0-9]{1,3}")
                        || Integer.parseInt(days) < 1 || Integer.parseInt(days) > MAX_DAYS) {
                    throw new ConfigException("PARTYMAP_CARE_CADENCE: '" + e + "' is not a care tag, '=' and a number of days (1–"
                            + MAX_DAYS + "); write entries like \"" + DEFAULT_CADENCE + "\"");
                }
                if (tag.equals("*") ? otherwise != null : cadence.containsKey(tag)) {
                    throw new ConfigException("PARTYMAP_CARE_CADENCE names '" + tag + "' twice");
                }
                if (tag.equals("*")) {
                    otherwise = Integer.parseInt(days);
                } else {
                    cadence.put(tag, Integer.parseInt(days));
                }
            }
            if (cadence.isEmpty() && otherwise == null) {
                throw new ConfigException("PARTYMAP_CARE_CADENCE names no care tag; write entries like \"" + DEFAULT_CADENCE + "\"");
            }
            return new Care(cadence, Optional.ofNullable(otherwise));
        }

        /** The cadence of one tag in days, or empty when the tag does not make a household due visits. */
        public Optional<Integer> daysFor(String tag) {
            Integer days = cadence.get(tag);
            return days != null ? Optional.of(days) : otherwiseDays;
        }

        String describe() {
            var parts = new java.util.ArrayList<String>();
            cadence.forEach((tag, days) -> parts.add(tag + "=" + days));
            otherwiseDays.ifPresent(days -> parts.add("*=" + days));
            return String.join(",", parts);
        }
    }

    /** A number printed on every card: 报警 110. */
    public record EmergencyNumber(String label, String number) {
    }

    private static boolean bool(Map<String, String> env, String name) {
        var raw = text(env, name).map(v -> v.toLowerCase(Locale.ROOT));
        if (raw.isEmpty() || raw.get().equals("false") || raw.get().equals("0") || raw.get().equals("no")) {
            return false;
        }
        if (raw.get().equals("true") || raw.get().equals("1") || raw.get().equals("yes")) {
            return true;
        }
        throw new ConfigException(name + " must be true or false, not '" + raw.get() + "'");
    }

    private static Optional<String> text(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static int integer(Map<String, String> env, String name, int fallback, int min, int max) {
        var raw = text(env, name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value < min || value > max) {
                throw new ConfigException(name + " must be between " + min + " and " + max + ", not " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number, not '" + raw.get() + "'");
        }
    }

    private static String checkJdbcUrl(String name, String url) {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new ConfigException(name + " must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db), not '" + url + "'");
        }
        return url;
    }

    /** A replica only of an external primary: the embedded cluster has none. */
    private static Optional<String> readUrl(Map<String, String> env) {
        Optional<String> url = text(env, "PARTYMAP_DB_READ_URL").map(u -> checkJdbcUrl("PARTYMAP_DB_READ_URL", u));
        if (url.isPresent() && text(env, "PARTYMAP_DB_URL").isEmpty()) {
            throw new ConfigException("PARTYMAP_DB_READ_URL needs PARTYMAP_DB_URL: it names a streaming replica of that"
                    + " database, and the embedded cluster has none");
        }
        return url;
    }

    private static URI checkPublicUrl(String url) {
        try {
            var uri = new URI(url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new ConfigException("PARTYMAP_PUBLIC_URL must be an http(s) URL, not '" + url + "'");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new ConfigException("PARTYMAP_PUBLIC_URL is not a URL: " + e.getMessage());
        }
    }

    /** A setting that cannot be used; its message is meant for the person starting partymap. */
    public static final class ConfigException extends StartupException {
        public ConfigException(String message) {
            super(message);
        }
    }
}
