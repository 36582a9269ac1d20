package org.partymap.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partymap.db.Database;
import org.partymap.db.Sql;
import org.partymap.testing.Fixtures;
import org.partymap.testing.TestAccounts;
import org.partymap.testing.TestDatabase;
import org.partymap.testing.TestServer;

/** Issue 22's attack: five wrong passwords from one address must not lock the account's own browsers out. */
class DeviceCookieIT {

    private static final String ATTACKER = "127.0.0.3";
    private static final String OWNER = "127.0.0.4";

    private static Database db;
    private static TestServer server;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        Fixtures.loadSample(db);
        server = TestServer.start(db, Map.of("PARTYMAP_TRUST_PROXY", "true"));
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    private static HttpResponse<String> login(String from, String device, String username, String password) {
        var call = server.call("POST", "/api/login").header("X-Forwarded-For", from);
        if (device != null) {
            call.header("Cookie", "partymap_device=" + device);
        }
        return call.json(Map.of("username", username, "password", password)).send();
    }

    /** The device cookie's value from a successful login. */
    private static String deviceOf(HttpResponse<String> login) {
        assertEquals(200, login.statusCode(), login.body());
        String setCookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("partymap_device="))
                .findFirst().orElseThrow(() -> new AssertionError("no device cookie in " + login.headers()));
        assertTrue(setCookie.contains("; HttpOnly") && setCookie.contains("; SameSite=Strict") && setCookie.contains("; Path=/"), setCookie);
        return setCookie.substring("partymap_device=".length(), setCookie.indexOf(';'));
    }

    private static void knock(String username) {
        for (int i = 0; i < LoginThrottle.ACCOUNT_FAILURES; i++) {
            assertEquals(401, login(ATTACKER, null, username, "attacker guess " + i).statusCode());
        }
        assertEquals(429, login(ATTACKER, null, username, TestAccounts.PASSWORD).statusCode(), "the attacker's knocking locks untrusted logins");
    }

    @Test
    void theOwnersDeviceGetsInWhileTheAttackersAddressStaysThrottled() {
        TestAccounts.create(db, "device-planner", Role.PLANNER, Fixtures.SUBDISTRICT);
        String device = deviceOf(login(OWNER, null, "device-planner", TestAccounts.PASSWORD));
        knock("device-planner");

        assertEquals(429, login(OWNER, null, "device-planner", TestAccounts.PASSWORD).statusCode(),
                "without its device cookie the owner's address gets today's limits");
        HttpResponse<String> owner = login(OWNER, device, "device-planner", TestAccounts.PASSWORD);
        String next = deviceOf(owner);
        assertNotEquals(device, next, "every login gives the device a fresh cookie");
        assertEquals(200, login(OWNER, next, "device-planner", TestAccounts.PASSWORD).statusCode(), "the fresh cookie is as good");

        assertEquals(429, login(ATTACKER, null, "device-planner", TestAccounts.PASSWORD).statusCode(),
                "the owner's logins from a device give the attacker no fresh five");
        assertEquals(0, Sql.one(db.dataSource(), "SELECT count(*) FROM login_attempt WHERE device_key IS NOT NULL AND ip <> ?::inet",
                rs -> rs.getLong(1), OWNER).orElseThrow());
        assertEquals(2, Sql.one(db.dataSource(), """
                SELECT count(*) FROM audit_log WHERE action = 'login' AND username = 'device-planner' AND detail ->> 'known_device' = 'true'""",
                rs -> rs.getLong(1)).orElseThrow(), "the audit log tells logins from a known device apart");
        assertEquals(1, Sql.one(db.dataSource(), "SELECT count(*) FROM app_secret WHERE name = 'device_cookie' AND octet_length(value) = 32",
                rs -> rs.getLong(1)).orElseThrow());
    }

    @Test
    void aForgedDeviceCookieOrAnotherAccountsDoesNotLiftTheLimit() {
        int victim = TestAccounts.create(db, "device-victim", Role.GRID_WORKER, Fixtures.GRID_1);
        TestAccounts.create(db, "device-thief", Role.GRID_WORKER, Fixtures.GRID_1);
        String thiefs = deviceOf(login(OWNER, null, "device-thief", TestAccounts.PASSWORD));
        knock("device-victim");

        String[] parts = thiefs.split("\\.");
        String flipped = parts[2].charAt(0) == 'A' ? "B" + parts[2].substring(1) : "A" + parts[2].substring(1);
        for (String cookie : new String[] {
                thiefs,                                                  // another account's cookie
                victim + "." + parts[1] + "." + parts[2],                // another account's, relabelled
                parts[0] + "." + parts[1] + "." + flipped,               // a signature changed
                victim + ".AAAAAAAAAAAAAAAAAAAAAA." + "A".repeat(43),    // made up
                "not a device cookie"}) {
            assertEquals(429, login(OWNER, cookie, "device-victim", TestAccounts.PASSWORD).statusCode(), cookie);
        }
        assertEquals(0, Sql.one(db.dataSource(), """
                SELECT count(*) FROM login_attempt WHERE success AND account_key = encode(sha256('device-victim'), 'hex')""",
                rs -> rs.getLong(1)).orElseThrow());
    }

    @Test
    void aDeviceThatKeepsFailingIsLockedItselfAndOnlyItself() {
        TestAccounts.create(db, "device-forgetful", Role.ADMIN);
        String device = deviceOf(login(OWNER, null, "device-forgetful", TestAccounts.PASSWORD));
        for (int i = 0; i < LoginThrottle.DEVICE_FAILURES; i++) {
            assertEquals(401, login(OWNER, device, "device-forgetful", "forgotten " + i).statusCode());
        }
        HttpResponse<String> locked = login(OWNER, device, "device-forgetful", TestAccounts.PASSWORD);
        assertEquals(429, locked.statusCode(), "the device is locked, even for the right password");
        assertTrue(locked.headers().firstValue("Retry-After").isPresent());
        // its failures were the device's: the account and the address are not held back by them
        assertEquals(200, login(OWNER, null, "device-forgetful", TestAccounts.PASSWORD).statusCode());

        // and once they leave the window, the device opens again
        Sql.update(db.dataSource(), "UPDATE login_attempt SET at = at - interval '16 minutes' WHERE device_key IS NOT NULL");
        assertEquals(200, login(OWNER, device, "device-forgetful", TestAccounts.PASSWORD).statusCode());
    }

    @Test
    void theOwnerCanStillChangeTheirPasswordFromTheirDeviceWhileTheAccountIsKnockedOn() {
        TestAccounts.create(db, "device-changer", Role.GRID_WORKER, Fixtures.GRID_1);
        HttpResponse<String> first = login(OWNER, null, "device-changer", TestAccounts.PASSWORD);
        String device = deviceOf(first);
        String session = first.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("partymap_session="))
                .findFirst().orElseThrow();
        knock("device-changer");
        HttpResponse<String> r = server.call("POST", "/api/me/password").header("X-Forwarded-For", OWNER)
                .header("Cookie", session.substring(0, session.indexOf(';')) + "; partymap_device=" + device)
                .json(Map.of("current_password", TestAccounts.PASSWORD, "new_password", "a fresh passphrase for 2027")).send();
        assertEquals(204, r.statusCode(), r.body());
    }
}
