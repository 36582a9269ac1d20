package org.partymap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {

    @Test
    void everySettingHasADefault() {
        Config c = Config.fromEnv(Map.of());
        assertEquals(7070, c.port());
        assertTrue(c.embeddedDatabase());
        assertTrue(c.home().isAbsolute());
        assertTrue(c.home().endsWith("var"));
    }

    @Test
    void aPortThatIsNotANumberFailsNamingTheVariable() {
        var e = assertThrows(Config.ConfigException.class, () -> Config.fromEnv(Map.of("PARTYMAP_PORT", "http")));
        assertTrue(e.getMessage().contains("PARTYMAP_PORT"));
    }

    @Test
    void aPortOutOfRangeFails() {
        assertThrows(Config.ConfigException.class, () -> Config.fromEnv(Map.of("PARTYMAP_PORT", "70000")));
    }

    @Test
    void anExternalDatabaseMustBeAPostgresJdbcUrl() {
        assertThrows(Config.ConfigException.class, () -> Config.fromEnv(Map.of("PARTYMAP_DB_URL", "mysql://x/y")));
        Config c = Config.fromEnv(Map.of("PARTYMAP_DB_URL", "jdbc:postgresql://db:5432/partymap"));
        assertFalse(c.embeddedDatabase());
    }

    @Test
    void aReadReplicaNeedsAnExternalPrimaryAndAPostgresJdbcUrl() {
        var alone = assertThrows(Config.ConfigException.class,
                () -> Config.fromEnv(Map.of("PARTYMAP_DB_READ_URL", "jdbc:postgresql://replica/partymap")));
        assertTrue(alone.getMessage().contains("PARTYMAP_DB_READ_URL needs PARTYMAP_DB_URL"), alone.getMessage());
        var wrong = assertThrows(Config.ConfigException.class, () -> Config.fromEnv(Map.of(
                "PARTYMAP_DB_URL", "jdbc:postgresql://primary/partymap", "PARTYMAP_DB_READ_URL", "mysql://replica/partymap")));
        assertTrue(wrong.getMessage().startsWith("PARTYMAP_DB_READ_URL must be"), wrong.getMessage());
        var config = Config.fromEnv(Map.of(
                "PARTYMAP_DB_URL", "jdbc:postgresql://primary/partymap", "PARTYMAP_DB_READ_URL", "jdbc:postgresql://replica/partymap"));
        assertEquals("jdbc:postgresql://replica/partymap", config.dbReadUrl().orElseThrow());
    }

    @Test
    void theDescriptionMasksThePassword() {
        Config c = Config.fromEnv(Map.of("PARTYMAP_DB_URL", "jdbc:postgresql://db/p", "PARTYMAP_DB_PASSWORD", "s3cret"));
        assertFalse(c.describe().toString().contains("s3cret"));
        assertEquals("****", c.describe().get("PARTYMAP_DB_PASSWORD"));
    }

    @Test
    void aPublicUrlMustBeHttpOrHttps() {
        assertThrows(Config.ConfigException.class, () -> Config.fromEnv(Map.of("PARTYMAP_PUBLIC_URL", "ftp://x")));
        assertEquals("https", Config.fromEnv(Map.of("PARTYMAP_PUBLIC_URL", "https://map.example.cn")).publicUrl().orElseThrow().getScheme());
    }

    @Test
    void securitySettingsHaveSensibleDefaults() {
        Config.Security s = Config.fromEnv(Map.of()).security();
        assertEquals(10, s.rateLimit());
        assertEquals(java.time.Duration.ofMinutes(30), s.sessionIdle());
        assertEquals(java.time.Duration.ofHours(12), s.sessionMax());
        assertFalse(s.trustProxy());
        assertEquals(64L * 1024 * 1024, s.importMaxBytes());
        assertFalse(Config.fromEnv(Map.of()).https());
        assertTrue(Config.fromEnv(Map.of("PARTYMAP_PUBLIC_URL", "https://map.example.org")).https());
    }

    @Test
    void badSecuritySettingsFailNamingTheVariable() {
        assertTrue(assertThrows(Config.ConfigException.class, () -> Config.fromEnv(Map.of("PARTYMAP_RATE_LIMIT", "-1")))
                .getMessage().contains("PARTYMAP_RATE_LIMIT"));
        assertTrue(assertThrows(Config.ConfigException.class, () -> Config.fromEnv(Map.of("PARTYMAP_TRUST_PROXY", "maybe")))
                .getMessage().contains("PARTYMAP_TRUST_PROXY"));
        assertTrue(assertThrows(Config.ConfigException.class, () -> Config.fromEnv(Map.of(
                "PARTYMAP_SESSION_IDLE_MINUTES", "600", "PARTYMAP_SESSION_MAX_HOURS", "2"))).getMessage().contains("PARTYMAP_SESSION_MAX_HOURS"));
        assertEquals(0, Config.fromEnv(Map.of("PARTYMAP_RATE_LIMIT", "0")).security().rateLimit());
    }

    @Test
    void requestThreadsAreFewPerCoreAndCanBeSet() {
        assertTrue(Config.fromEnv(Map.of()).httpThreads() >= 8);
        assertEquals(24, Config.fromEnv(Map.of("PARTYMAP_HTTP_THREADS", "24")).httpThreads());
        var e = assertThrows(Config.ConfigException.class, () -> Config.fromEnv(Map.of("PARTYMAP_HTTP_THREADS", "2")));
        assertTrue(e.getMessage().contains("PARTYMAP_HTTP_THREADS"));
    }

    @Test
    void bookingSlotsAreHalfHoursForTwoUnlessSetAndBadValuesFailNamingTheVariable() {
        assertEquals(new Config.Booking(30, 2), Config.fromEnv(Map.of()).booking());
        assertEquals(new Config.Booking(20, 5), Config.fromEnv(Map.of("PARTYMAP_BOOKING_SLOT_MINUTES", "20", "PARTYMAP_BOOKING_CAPACITY", "5")).booking());
        for (var bad : List.of(Map.of("PARTYMAP_BOOKING_SLOT_MINUTES", "0"), Map.of("PARTYMAP_BOOKING_SLOT_MINUTES", "half"),
                Map.of("PARTYMAP_BOOKING_CAPACITY", "0"), Map.of("PARTYMAP_BOOKING_CAPACITY", "-2"))) {
            var e = assertThrows(Config.ConfigException.class, () -> Config.fromEnv(bad));
            assertTrue(e.getMessage().contains(bad.keySet().iterator().next()), e.getMessage());
        }
    }

    @Test
    void theCardsPrintTheFourUsualNumbersUnlessTheDistrictNamesItsOwn() {
        assertEquals(List.of(new Config.EmergencyNumber("报警", "110"), new Config.EmergencyNumber("火警", "119"),
                new Config.EmergencyNumber("急救", "120"), new Config.EmergencyNumber("市民热线", "12345")),
                Config.fromEnv(Map.of()).cards().emergencyNumbers());
        assertEquals(List.of(new Config.EmergencyNumber("报警", "110"), new Config.EmergencyNumber("燃气抢修", "0515-88888888")),
                Config.fromEnv(Map.of("PARTYMAP_EMERGENCY_NUMBERS", " 报警 110 ; 燃气抢修 0515-88888888;")).cards().emergencyNumbers());
    }

    @Test
    void aBadListOfEmergencyNumbersStopsTheStartNamingTheVariable() {
        for (String bad : List.of("报警110", "报警 abc", "110", ";;", "一二三四五六七八九 110", "a 1;b 2;c 3;d 4;e 5;f 6;g 7")) {
            var e = assertThrows(Config.ConfigException.class, () -> Config.fromEnv(Map.of("PARTYMAP_EMERGENCY_NUMBERS", bad)), bad);
            assertTrue(e.getMessage().startsWith("PARTYMAP_EMERGENCY_NUMBERS"), e.getMessage());
        }
    }

    @Test
    void careCadenceIsPerTagWithAStarForTheRestAndABadListStopsTheStart() {
        var standard = Config.fromEnv(Map.of()).care();
        assertEquals(java.util.Optional.of(7), standard.daysFor("独居老人"));
        assertEquals(java.util.Optional.of(90), standard.daysFor("退役军人"));
        assertEquals(java.util.Optional.of(30), standard.daysFor("重病患者"), "unlisted tags take the * entry");
        var own = Config.fromEnv(Map.of("PARTYMAP_CARE_CADENCE", " 独居老人 = 3，残疾人=60 ")).care();
        assertEquals(java.util.Optional.of(3), own.daysFor("独居老人"));
        assertEquals(java.util.Optional.of(60), own.daysFor("残疾人"));
        assertEquals(java.util.Optional.empty(), own.daysFor("空巢老人"), "without a * entry an unlisted tag asks no visits");
        for (String bad : List.of("独居老人", "独居老人=0", "独居老人=366", "独居老人=七", "=7", ",,", "独居老人=7,独居老人=9", "*=7,*=8")) {
            var e = assertThrows(Config.ConfigException.class, () -> Config.fromEnv(Map.of("PARTYMAP_CARE_CADENCE", bad)), bad);
            assertTrue(e.getMessage().startsWith("PARTYMAP_CARE_CADENCE"), e.getMessage());
        }
    }
}
