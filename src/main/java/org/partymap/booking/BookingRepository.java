package org.partymap.booking;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.partymap.auth.GridScope;
import org.partymap.auth.User;
import org.partymap.db.Sql;
import org.partymap.http.ApiException;
import org.partymap.resident.PhoneMask;

/**
 * The SQL of bookings. A booking is written only while its station's row is locked, so that two
 * residents taking the last seat of a slot at once are counted one after the other. What leaves
 * here for the public carries no one else's booking; what leaves for staff carries phones masked.
 */
public final class BookingRepository {

    /** A station and its booked seats per slot start in a range: one row per start, or one with a null start. */
    private static final String STATION_SEATS = """
            SELECT s.id, s.kind, s.name, s.address, s.hours, s.phone, b.slot_start, count(b.id) AS taken
              FROM station s
              LEFT JOIN booking b ON b.station_id = s.id AND b.status = 'booked' AND b.slot_start >= ? AND b.slot_start < ?
             WHERE s.id = ?
             GROUP BY s.id, b.slot_start""";

    private static final String LOCK_STATION = """
            SELECT s.id, s.kind, s.name, s.address, s.hours, s.phone FROM station s WHERE s.id = ? FOR UPDATE""";

    private static final String COUNT_BOOKED = """
            SELECT count(*) AS taken, count(*) FILTER (WHERE phone = ?) AS same_phone
              FROM booking WHERE station_id = ? AND slot_start = ? AND status = 'booked'""";

    private static final String INSERT = """
            INSERT INTO booking (station_id, slot_start, slot_end, purpose, name, phone, token_hash, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

    /** The booking a private link opens, with its post. */
    private static final String MINE = """
            SELECT b.slot_start, b.slot_end, b.purpose, b.name, b.phone, b.status, b.created_at, b.cancelled_at,
                   s.id, s.kind, s.name AS station_name, s.address, s.hours, s.phone AS station_phone
              FROM booking b JOIN station s ON s.id = b.station_id
             WHERE b.token_hash = ?""";

    private static final String LOCK_MINE = """
            SELECT b.id, b.slot_start, b.status FROM booking b WHERE b.token_hash = ? FOR UPDATE""";

    private static final String CANCEL = """
            UPDATE booking SET status = 'cancelled', cancelled_at = ? WHERE id = ?""";

    /**
     * Who serves a post: {@link GridScope#SQL} with the community read from {@code c}, which is the
     * post's grid's community, or the post's own where it has no grid (a community-level post is
     * then seen by that community's staff, its subdistrict's planners and admins).
     */
    private static final String SCOPE = """
            (?::boolean OR g.id = ANY (?::int[]) OR c.id = ANY (?::int[]) OR c.subdistrict_id = ANY (?::int[]))""";

    /** A post in the caller's scope and its bookings (all statuses) with a slot in a range, by start. */
    private static final String STAFF_LIST = """
            SELECT s.id, s.kind, s.name, s.address, s.hours, s.phone,
                   b.id AS booking_id, b.slot_start, b.slot_end, b.status, b.name AS person, b.phone AS person_phone,
                   b.purpose, b.created_at, b.cancelled_at
              FROM station s
              LEFT JOIN grid g ON g.id = s.grid_id
              LEFT JOIN community c ON c.id = coalesce(g.community_id, s.community_id)
              LEFT JOIN booking b ON b.station_id = s.id AND b.slot_start >= ? AND b.slot_start < ?
             WHERE s.id = ? AND""" + " " + SCOPE + """

             ORDER BY b.slot_start, b.id""";

    /** A post as bookings show it: public facts only. */
    public record Station(int id, String kind, String name, String address, String hours, String phone) {
    }

    /** A station and how many seats are taken at each slot start (absent: none). */
    public record Seats(Station station, Map<Instant, Integer> taken) {
    }

    /** What a resident sends, checked, and what the server adds; the slot comes from the {@link SlotRule}. */
    public record NewBooking(String purpose, String name, String phone, String tokenHash, Instant createdAt) {
    }

    /** A booking as its own link shows it: the phone masked, the post, whether it may still be cancelled. */
    public record Mine(String status, String start, String end, String purpose, String name, String phoneMasked,
                       String createdAt, String cancelledAt, boolean cancellable, Station station) {
    }

    /** A line of the staff list. */
    public record Listed(long id, String start, String end, String status, String name, String phoneMasked,
                         String purpose, String createdAt, String cancelledAt) {
    }

    public record StaffList(Station station, String date, List<Listed> bookings) {
    }

    /** Decides, with the station locked, which slot a booking takes, or refuses it (an {@link ApiException}). */
    @FunctionalInterface
    public interface SlotRule {
        Slot slotOf(Station station);
    }

    private final DataSource ds;

    public BookingRepository(DataSource ds) {
        this.ds = ds;
    }

    /** The station and its booked seats per slot start in {@code [from, to)}; empty when there is no such station. */
    public Optional<Seats> seats(int stationId, Instant from, Instant to) {
        Station station = null;
        Map<Instant, Integer> taken = new HashMap<>();
        for (var row : Sql.list(ds, STATION_SEATS, rs -> Map.entry(station(rs), seatsOf(rs)), ts(from), ts(to), stationId)) {
            station = row.getKey();
            row.getValue().ifPresent(e -> taken.put(e.getKey(), e.getValue()));
        }
        return station == null ? Optional.empty() : Optional.of(new Seats(station, Map.copyOf(taken)));
    }

    /**
     * Books a seat: locks the station, lets {@code rule} choose the slot, counts the seats taken
     * and inserts, all in one transaction. 404 without the station; 409 when the slot is full or
     * this phone already holds a seat in it.
     */
    public Mine book(int stationId, SlotRule rule, int capacity, NewBooking b) {
        return Sql.transaction(ds, c -> {
            Station station = Sql.one(c, LOCK_STATION, BookingRepository::station, stationId)
                    .orElseThrow(() -> ApiException.notFound("station-not-found", "there is no post " + stationId));
            Slot slot = rule.slotOf(station);
            var counts = Sql.one(c, COUNT_BOOKED, rs -> new int[] {rs.getInt("taken"), rs.getInt("same_phone")},
                    b.phone(), stationId, ts(slot.start())).orElseThrow();
            if (counts[1] > 0) {
                throw ApiException.conflict("already-booked", "this phone number already holds a seat in this slot");
            }
            if (counts[0] >= capacity) {
                throw ApiException.conflict("slot-full", "every seat of this slot is taken; choose another slot");
            }
            Sql.update(c, INSERT, stationId, ts(slot.start()), ts(slot.end()), b.purpose(), b.name(), b.phone(),
                    b.tokenHash(), ts(b.createdAt()));
            return mine(c, b.tokenHash(), b.createdAt()).orElseThrow();
        });
    }

    /** The booking of a token's hash, seen at {@code now}. */
    public Optional<Mine> mine(String tokenHash, Instant now) {
        return Sql.one(ds, MINE, mineAt(now), tokenHash);
    }

    /**
     * Cancels the booking of a token's hash at {@code now}: empty when there is none; a booking
     * already cancelled is answered as it is; 409 when its slot has started.
     */
    public Optional<Mine> cancel(String tokenHash, Instant now) {
        return Sql.transaction(ds, c -> {
            var row = Sql.one(c, LOCK_MINE, rs -> new Object[] {rs.getLong(1), instant(rs, "slot_start"), rs.getString(3)}, tokenHash);
            if (row.isEmpty()) {
                return Optional.<Mine>empty();
            }
            if ("booked".equals(row.get()[2])) {
                if (!((Instant) row.get()[1]).isAfter(now)) {
                    throw ApiException.conflict("slot-started", "this slot has already started and can no longer be cancelled");
                }
                Sql.update(c, CANCEL, ts(now), row.get()[0]);
            }
            return mine(c, tokenHash, now);
        });
    }

    /** The bookings of a post in the caller's scope with a slot in {@code [from, to)}; empty when out of scope or absent. */
    public Optional<StaffList> staffList(User user, int stationId, Instant from, Instant to, String date) {
        Object[] scope = GridScope.params(user);
        Object[] params = new Object[3 + scope.length];
        params[0] = ts(from);
        params[1] = ts(to);
        params[2] = stationId;
        System.arraycopy(scope, 0, params, 3, scope.length);
        Station station = null;
        var bookings = new ArrayList<Listed>();
        for (var row : Sql.list(ds, STAFF_LIST, rs -> Map.entry(station(rs), Optional.ofNullable(listed(rs))), params)) {
            station = row.getKey();
            row.getValue().ifPresent(bookings::add);
        }
        return station == null ? Optional.empty() : Optional.of(new StaffList(station, date, List.copyOf(bookings)));
    }

    private static Optional<Mine> mine(Connection c, String tokenHash, Instant now) throws SQLException {
        return Sql.one(c, MINE, mineAt(now), tokenHash);
    }

    /** Maps a row of {@link #MINE}; whether it may still be cancelled depends on {@code now}. */
    private static Sql.RowMapper<Mine> mineAt(Instant now) {
        return rs -> {
            Instant start = instant(rs, "slot_start");
            String status = rs.getString("status");
            return new Mine(status, Slot.format(start), Slot.format(instant(rs, "slot_end")), rs.getString("purpose"),
                    rs.getString("name"), PhoneMask.mask(rs.getString("phone")), Slot.format(instant(rs, "created_at")),
                    Slot.format(instant(rs, "cancelled_at")), "booked".equals(status) && start.isAfter(now),
                    new Station(rs.getInt("id"), rs.getString("kind"), rs.getString("station_name"), rs.getString("address"),
                            rs.getString("hours"), rs.getString("station_phone")));
        };
    }

    private static Station station(ResultSet rs) throws SQLException {
        return new Station(rs.getInt("id"), rs.getString("kind"), rs.getString("name"), rs.getString("address"),
                rs.getString("hours"), rs.getString("phone"));
    }

    private static Optional<Map.Entry<Instant, Integer>> seatsOf(ResultSet rs) throws SQLException {
        Instant start = instant(rs, "slot_start");
        return start == null ? Optional.empty() : Optional.of(Map.entry(start, rs.getInt("taken")));
    }

    private static Listed listed(ResultSet rs) throws SQLException {
        Object id = rs.getObject("booking_id");
        if (id == null) {
            return null;
        }
        return new Listed(((Number) id).longValue(), Slot.format(instant(rs, "slot_start")), Slot.format(instant(rs, "slot_end")),
                rs.getString("status"), rs.getString("person"), PhoneMask.mask(rs.getString("person_phone")), rs.getString("purpose"),
                Slot.format(instant(rs, "created_at")), Slot.format(instant(rs, "cancelled_at")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime ts(Instant t) {
        return t.atOffset(java.time.ZoneOffset.UTC);
    }
}
