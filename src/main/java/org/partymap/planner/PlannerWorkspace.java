package org.partymap.planner;

import javax.sql.DataSource;
import org.partymap.grid.edit.GridEditService;
import org.partymap.grid.edit.StreetBlocks;

/** The planner workspace's controllers over one database, for the route table. */
public record PlannerWorkspace(PlannerController communities, EditController edits, HistoryController history,
                               ExportController export) {

    public static PlannerWorkspace create(DataSource ds) {
        var blocks = new StreetBlocks();
        var repository = new PlannerRepository(ds);
        return new PlannerWorkspace(new PlannerController(repository, new ProposalService(ds, blocks)),
                new EditController(new GridEditService(ds, blocks)), new HistoryController(repository),
                new ExportController(new ExportRepository(ds), repository));
    }
}
