package org.partymap.geocode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partymap.db.Database;
import org.partymap.db.Sql;
import org.partymap.testing.Fixtures;
import org.partymap.testing.TestDatabase;

class GazetteerCacheIT {

    private Database db;
    private GazetteerCache cache;

    @BeforeEach
    void setUp() {
        db = TestDatabase.fresh();
        Fixtures.loadSample(db);
        cache = new GazetteerCache(db.dataSource(), Duration.ofHours(1));
    }

    @AfterEach
    void tearDown() {
        cache.close();
        db.close();
    }

    private long version() {
        return new GazetteerRepository(db.dataSource()).version();
    }

    @Test
    void theSnapshotHoldsTheSampleGazetteerAndItsVersion() {
        Gazetteer g = cache.gazetteer();
        assertEquals(5, g.addressCount());
        assertEquals(version(), g.version());
        assertFalse(cache.refreshIfChanged(), "nothing changed");
    }

    @Test
    void aCommittedChangeRaisesTheVersionOnceAndTheCacheReloads() {
        cache.gazetteer();
        long before = version();
        Sql.update(db.dataSource(), "UPDATE address SET households = households + 1");
        assertEquals(before + 1, version(), "one transaction of five rows raises the version once");
        assertTrue(cache.refreshIfChanged());
        assertEquals(before + 1, cache.gazetteer().version());
    }

    @Test
    void aRolledBackChangeLeavesTheVersionAlone() {
        long before = version();
        assertThrows(Sql.DataAccessException.class, () -> Sql.transaction(db.dataSource(), c -> {
            Sql.update(c, "DELETE FROM address");
            throw new java.sql.SQLException("changed my mind");
        }));
        assertEquals(before, version());
    }

    @Test
    void truncatingATableCountsAsAChange() {
        long before = version();
        Sql.update(db.dataSource(), "TRUNCATE member_household, address CASCADE");
        assertTrue(version() > before);
        assertTrue(cache.refreshIfChanged());
        assertEquals(0, cache.gazetteer().addressCount());
    }

    @Test
    void everyTableOfTheGazetteerIsWatched() {
        for (String table : new String[] {"subdistrict", "community", "grid", "street", "estate", "building", "address", "station"}) {
            long before = version();
            Sql.update(db.dataSource(), "UPDATE " + table + " SET id = id");
            assertTrue(version() > before || count(table) == 0, table);
        }
    }

    private long count(String table) {
        return Sql.one(db.dataSource(), "SELECT count(*) FROM " + table, rs -> rs.getLong(1)).orElseThrow();
    }
}
