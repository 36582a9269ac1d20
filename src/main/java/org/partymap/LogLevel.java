package org.partymap;

import ch.qos.logback.classic.Level;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * How much partymap logs on stderr. A server logs at INFO (its configuration, the cluster, migrations); a command
 * (import, user, geocode …) only warnings and errors, so that its own output is all an operator reads; a
 * logging configuration that is quieter still (the tests') is kept.
 * {@code PARTYMAP_LOG} (TRACE, DEBUG, INFO, WARN, ERROR or OFF) sets the level for every command.
 */
final class LogLevel {

    static final String VARIABLE = "PARTYMAP_LOG";
    private static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

    private LogLevel() {
    }

    /**
     * Sets the root logger's level for a server ({@code server} true) or a command, from {@code env}.
     *
     * @throws StartupException when {@code PARTYMAP_LOG} names no level
     */
    static void apply(boolean server, Map<String, String> env) {
        String asked = env.getOrDefault(VARIABLE, "").strip().toUpperCase(Locale.ROOT);
        if (!asked.isEmpty() && !LEVELS.contains(asked)) {
            throw new StartupException(VARIABLE + " must be one of " + String.join(", ", LEVELS) + ", not '" + env.get(VARIABLE) + "'");
        }
        // only logback is on the class path; under another binding (none ships) the level stays as configured
        if (!(LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root)) {
            return;
        }
        if (!asked.isEmpty()) {
            root.setLevel(Level.toLevel(asked));
        } else if (!server && !root.getEffectiveLevel().isGreaterOrEqual(Level.WARN)) {
            root.setLevel(Level.WARN); // lowers logback.xml's INFO; a configuration that is quieter already stays so
        }
    }
}
