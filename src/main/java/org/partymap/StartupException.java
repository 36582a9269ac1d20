package org.partymap;

/**
 * partymap cannot start or run a command, for a reason the operator can fix. {@link Main} prints
 * the message as one line, without a stack trace, and exits 1.
 */
public class StartupException extends RuntimeException {
    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
