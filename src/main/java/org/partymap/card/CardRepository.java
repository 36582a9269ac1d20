package org.partymap.card;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.partymap.db.Sql;

/** The cards' data from the public layers: grid, community, subdistrict and stations. */
public final class CardRepository {

    /** The layers a card is read from: their counters version every cached answer. */
    public static final List<String> LAYERS = List.of("grid", "station", "community", "subdistrict");

    private static final String POST = """
            json_build_object('id', st.id, 'kind', st.kind, 'name', st.name, 'address', st.address, 'hours', st.hours,
                              'phone', st.phone, 'services', st.services)""";

    /** One card per grid as JSON; {@code %s} is the WHERE condition, with one bound value or none. */
    private static final String CARDS = """
            SELECT json_build_object(
                     'grid', json_build_object('id', g.id, 'code', g.code, 'name', g.name),
                     'community', json_build_object('id', c.id, 'code', c.code, 'name', c.name),
                     'subdistrict', json_build_object('id', s.id, 'code', s.code, 'name', s.name),
                     'branch_name', g.branch_name, 'leader_name', g.leader_name, 'leader_phone', g.leader_phone,
                     'contacts', g.contacts,
                     'post', (SELECT %1$s FROM station st WHERE st.id = g.station_id),
                     'centre', (SELECT %1$s FROM station st WHERE st.kind = 'service_centre' AND st.community_id = c.id
                                 ORDER BY st.id LIMIT 1))::text
              FROM grid g
              JOIN community c ON c.id = g.community_id
              JOIN subdistrict s ON s.id = c.subdistrict_id
             WHERE %2$s
             ORDER BY s.code, c.code, g.code""";
    private static final String BY_GRID = CARDS.formatted(POST, "g.id = ?");
    private static final String BY_COMMUNITY = CARDS.formatted(POST, "c.id = ?");
    private static final String BY_SUBDISTRICT = CARDS.formatted(POST, "s.id = ?");
    private static final String ALL = CARDS.formatted(POST, "true");

    private static final String COMMUNITY = "SELECT c.id, c.code, c.name, s.id, s.code, s.name FROM community c"
            + " JOIN subdistrict s ON s.id = c.subdistrict_id WHERE c.id = ?";
    private static final String SUBDISTRICT = "SELECT id, code, name FROM subdistrict WHERE id = ?";
    /** Communities by name or code, within a subdistrict named by name or code when given. */
    private static final String FIND_COMMUNITY = """
            SELECT c.id, c.code, c.name, s.id, s.code, s.name
              FROM community c JOIN subdistrict s ON s.id = c.subdistrict_id
             WHERE (c.name = ? OR c.code = ?)
               AND (?::text IS NULL OR s.name = ? OR s.code = ?)
             ORDER BY c.code""";

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** A community with its subdistrict, as scope checks and file names need it. */
    public record CommunityRef(Card.Area community, Card.Area subdistrict) {
    }

    private final DataSource ds;

    public CardRepository(DataSource ds) {
        this.ds = ds;
    }

    public Optional<Card> grid(int id) {
        return cards(BY_GRID, id).stream().findFirst();
    }

    public List<Card> community(int id) {
        return cards(BY_COMMUNITY, id);
    }

    public List<Card> subdistrict(int id) {
        return cards(BY_SUBDISTRICT, id);
    }

    /** Every grid's card of the district, by subdistrict, community and grid code. */
    public List<Card> all() {
        return cards(ALL);
    }

    public Optional<CommunityRef> findCommunity(int id) {
        return Sql.one(ds, COMMUNITY, rs -> new CommunityRef(new Card.Area(rs.getInt(1), rs.getString(2), rs.getString(3)),
                new Card.Area(rs.getInt(4), rs.getString(5), rs.getString(6))), id);
    }

    public Optional<Card.Area> findSubdistrict(int id) {
        return Sql.one(ds, SUBDISTRICT, rs -> new Card.Area(rs.getInt(1), rs.getString(2), rs.getString(3)), id);
    }

    /** The communities a name or code may mean (several when the name recurs in other subdistricts). */
    public List<CommunityRef> findCommunities(String nameOrCode, Optional<String> subdistrict) {
        String s = subdistrict.orElse(null);
        return Sql.list(ds, FIND_COMMUNITY, rs -> new CommunityRef(new Card.Area(rs.getInt(1), rs.getString(2), rs.getString(3)),
                new Card.Area(rs.getInt(4), rs.getString(5), rs.getString(6))), nameOrCode, nameOrCode, s, s, s);
    }

    private List<Card> cards(String sql, Object... params) {
        return Sql.list(ds, sql, rs -> read(rs.getString(1)), params);
    }

    private static Card read(String json) {
        try {
            return JSON.readValue(json, Card.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a card's JSON does not read back: " + e.getOriginalMessage(), e);
        }
    }
}
