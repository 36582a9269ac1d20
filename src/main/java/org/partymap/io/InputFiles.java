package org.partymap.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.partymap.StartupException;

/** Reading the file a command was given, with the one-line error a person can act on. */
public final class InputFiles {

    private InputFiles() {
    }

    /** All bytes of the file; a missing or unreadable file is a {@link StartupException} naming it. */
    public static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new StartupException("no such file: " + file);
        } catch (IOException e) {
            throw new StartupException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
