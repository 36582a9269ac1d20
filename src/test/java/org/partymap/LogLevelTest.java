package org.partymap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogLevelTest {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private Level before;

    @BeforeEach
    void asLogbackXmlHasIt() {
        before = root.getLevel();
        root.setLevel(Level.INFO);
    }

    @AfterEach
    void restore() {
        root.setLevel(before);
    }

    @Test
    void aCommandLogsOnlyWarningsAndAServerKeepsInfo() {
        LogLevel.apply(true, Map.of());
        assertEquals(Level.INFO, root.getLevel());
        LogLevel.apply(false, Map.of());
        assertEquals(Level.WARN, root.getLevel());
    }

    @Test
    void partymapLogSetsTheLevelForEveryCommand() {
        LogLevel.apply(false, Map.of("PARTYMAP_LOG", "info"));
        assertEquals(Level.INFO, root.getLevel());
        LogLevel.apply(true, Map.of("PARTYMAP_LOG", "ERROR"));
        assertEquals(Level.ERROR, root.getLevel());
    }

    @Test
    void aConfigurationQuieterThanWarnStaysSo() {
        root.setLevel(Level.ERROR);
        LogLevel.apply(false, Map.of());
        assertEquals(Level.ERROR, root.getLevel());
    }

    @Test
    void aLevelThatIsNoneIsRefusedAndChangesNothing() {
        var e = assertThrows(StartupException.class, () -> LogLevel.apply(false, Map.of("PARTYMAP_LOG", "loud")));
        assertTrue(e.getMessage().contains("PARTYMAP_LOG must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF, not 'loud'"), e.getMessage());
        assertEquals(Level.INFO, root.getLevel());
    }
}
