package org.partymap.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.partymap.StartupException;
import org.partymap.testing.TestDatabase;

class ExternalDatabaseIT {

    @Test
    void aDatabaseWithoutPostgisGivesAOneLineMessageThatSaysWhatToDo() {
        var server = TestDatabase.server();
        TestDatabase.execute(server, "DROP DATABASE IF EXISTS no_postgis");
        TestDatabase.execute(server, "DROP ROLE IF EXISTS plain_user");
        TestDatabase.execute(server, "CREATE ROLE plain_user LOGIN PASSWORD 'plain-password'");
        TestDatabase.execute(server, "CREATE DATABASE no_postgis TEMPLATE template0");
        var e = assertThrows(StartupException.class, () -> Database.connect(server.url("no_postgis"), "plain_user",
                "plain-password", 2, Optional.empty()));
        assertTrue(e.getMessage().contains("CREATE EXTENSION postgis"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aDatabaseMadeByAnotherBuildIsRefusedInOneLineThatNamesTheMigrationsAndIsLeftAlone() {
        var server = TestDatabase.server();
        TestDatabase.execute(server, "DROP DATABASE IF EXISTS other_branch");
        TestDatabase.execute(server, "CREATE DATABASE other_branch TEMPLATE partymap_template");
        TestDatabase.execute(server, "other_branch", "DELETE FROM flyway_schema_history WHERE version = '3'");
        TestDatabase.execute(server, "other_branch", "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '2'");

        var e = assertThrows(StartupException.class, () -> Database.connect(server.url("other_branch"), server.user(),
                server.password(), 2, Optional.empty()));
        assertTrue(e.getMessage().startsWith("the database's schema does not match this build"), e.getMessage());
        assertTrue(e.getMessage().contains("not applied to database: 3"), e.getMessage());
        assertTrue(e.getMessage().contains("checksum mismatch for migration version 2"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertEquals("0", TestDatabase.query(server, "other_branch", "SELECT count(*) FROM flyway_schema_history WHERE version = '3'"));
    }

    @Test
    void anUnreachableDatabaseIsNamedInOneLine() {
        var e = assertThrows(StartupException.class, () -> Database.connect("jdbc:postgresql://127.0.0.1:1/nothing", "x",
                "y", 2, Optional.empty()));
        assertTrue(e.getMessage().startsWith("cannot connect to jdbc:postgresql://127.0.0.1:1/nothing"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }
}
