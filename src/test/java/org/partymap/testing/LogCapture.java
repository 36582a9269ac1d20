package org.partymap.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * What named loggers write while a test provokes it on purpose: their events are kept for the test to assert on and
 * kept out of the build's log, so a green build shows no error that is in fact the subject of a test.
 */
public final class LogCapture implements AutoCloseable {

    private final List<Logger> loggers = new ArrayList<>();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture(String... sources) {
        appender.start();
        for (String source : sources) {
            Logger logger = (Logger) LoggerFactory.getLogger(source);
            logger.addAppender(appender);
            logger.setAdditive(false);
            loggers.add(logger);
        }
    }

    /** Starts capturing what the loggers of {@code sources} write; {@link #close} gives them back to the build's log. */
    public static LogCapture of(Class<?>... sources) {
        return new LogCapture(java.util.Arrays.stream(sources).map(Class::getName).toArray(String[]::new));
    }

    /** The same for loggers by name (a library's, say, whose classes are not public). */
    public static LogCapture named(String... loggers) {
        return new LogCapture(loggers);
    }

    /** The events so far, each as "LEVEL message" (the message formatted, without its stack trace). */
    public List<String> lines() {
        synchronized (appender) { // AppenderBase appends under the appender's lock
            return appender.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
        }
    }

    /** The events so far. */
    public List<ILoggingEvent> events() {
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }

    @Override
    public void close() {
        for (Logger logger : loggers) {
            logger.detachAppender(appender);
            logger.setAdditive(true);
        }
        appender.stop();
    }
}
