package org.partymap.grid.edit;

import java.util.List;

/**
 * What a grid is apart from its shape: its name, kind (综合网格 comprehensive or 专属网格 dedicated,
 * and then to what), its 网格党支部 party branch, the 网格长 grid leader and the leader's work phone,
 * other public contacts (a JSON array of {@code {role, name, phone}}) and the grid's duties.
 */
public record GridAttributes(String name, String kind, String dedicatedTo, String branchName, String leaderName,
                             String leaderPhone, String contacts, List<String> duties) {

    public GridAttributes {
        duties = List.copyOf(duties);
    }

    /** The attributes of a grid made by an edit: named after its number, no leader yet, the duties of the grid it came from. */
    static GridAttributes fresh(String name, String communityName, List<String> duties) {
        return new GridAttributes(name, "comprehensive", null, communityName + name + "党支部", null, null, "[]", duties);
    }
}
