package org.partymap.layer;

import java.util.List;

/** A layer file was refused; nothing was written. Each problem names its feature or line. */
public final class LayerImportException extends RuntimeException {

    /** At most this many problems are collected before reading stops. */
    public static final int MAX_PROBLEMS = 50;

    private final List<String> problems;

    public LayerImportException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0)
                : problems.size() + " problems, the first: " + problems.get(0));
        this.problems = List.copyOf(problems);
    }

    public LayerImportException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
