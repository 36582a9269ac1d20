package org.partymap.grid.edit;

import java.util.List;

/**
 * An edit that cannot be made as asked (a split line that does not cross the grid, blocks that are
 * not next to the grid they should join, an invalid polygon): the findings say why and where. The
 * controller answers 422 with them.
 */
public final class EditRefused extends RuntimeException {

    private final transient List<Finding> findings;

    EditRefused(List<Finding> findings) {
        super(findings.isEmpty() ? "refused" : findings.get(0).detail());
        this.findings = List.copyOf(findings);
    }

    EditRefused(Finding finding) {
        this(List.of(finding));
    }

    public List<Finding> findings() {
        return findings;
    }
}
