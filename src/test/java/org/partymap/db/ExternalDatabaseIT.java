package org.partymap.db;

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
    void anUnreachableDatabaseIsNamedInOneLine() {
        var e = assertThrows(StartupException.class, () -> Database.connect("jdbc:postgresql://127.0.0.1:1/nothing", "x",
                "y", 2, Optional.empty()));
        assertTrue(e.getMessage().startsWith("cannot connect to jdbc:postgresql://127.0.0.1:1/nothing"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }
}
