package org.partymap.planner;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.partymap.auth.AccessControl;
import org.partymap.auth.User;
import org.partymap.http.ApiException;
import org.partymap.http.Params;
import org.partymap.http.Responses;
import org.partymap.street.StreetClass;

/**
 * {@code /api/planner/communities…}: the communities in the caller's scope, a community's grids
 * with their workload, its street blocks, and a proposal generated along its streets. Planners of
 * the community's subdistrict and admins only.
 */
public final class PlannerController {

    /** The street classes a proposal may cut along unless told otherwise: every class but lanes. */
    static final Set<StreetClass> DEFAULT_CLASSES = EnumSet.of(StreetClass.AXIS, StreetClass.MAIN, StreetClass.SECONDARY);

    private final PlannerRepository repository;
    private final ProposalService proposals;

    PlannerController(PlannerRepository repository, ProposalService proposals) {
        this.repository = repository;
        this.proposals = proposals;
    }

    public void communities(Context ctx) {
        User user = AccessControl.requireUser(ctx);
        Responses.json(ctx, repository.communities(user.isAdmin(), user.subdistricts()));
    }

    public void community(Context ctx) {
        int id = Params.id(ctx, "id");
        Target target = Target.of(ctx);
        requireCommunity(ctx, id);
        Responses.json(ctx, repository.community(id, target).orElseThrow());
    }

    public void blocks(Context ctx) {
        int id = Params.id(ctx, "id");
        requireCommunity(ctx, id);
        Responses.geojson(ctx, proposals.blocks(id).toString());
    }

    public void proposal(Context ctx) {
        int id = Params.id(ctx, "id");
        Set<StreetClass> classes = classes(ctx);
        Target target = Target.of(ctx);
        boolean dedicated = Params.oneOf(ctx, "dedicated", List.of("keep", "merge")).map("keep"::equals).orElse(true);
        requireCommunity(ctx, id);
        Responses.json(ctx, proposals.propose(id, classes, target, dedicated).toString());
    }

    /** 404 for a community that does not exist, 403 for one outside the caller's subdistricts. */
    void requireCommunity(Context ctx, int id) {
        int subdistrict = repository.subdistrictOfCommunity(id)
                .orElseThrow(() -> ApiException.notFound("community-not-found", "there is no community " + id));
        AccessControl.requireUser(ctx).requireSubdistrict(subdistrict);
    }

    /** {@code classes=axis,main}: the street classes that may bound a proposed grid. */
    private static Set<StreetClass> classes(Context ctx) {
        var raw = Params.text(ctx, "classes", 60);
        if (raw.isEmpty()) {
            return DEFAULT_CLASSES;
        }
        var out = EnumSet.noneOf(StreetClass.class);
        var unknown = new ArrayList<String>();
        for (String part : raw.get().split(",")) {
            try {
                out.add(StreetClass.parse(part));
            } catch (IllegalArgumentException e) {
                unknown.add(part.strip());
            }
        }
        if (!unknown.isEmpty() || out.isEmpty()) {
            throw ApiException.badParameter("classes", "classes is a comma-separated list of " + String.join(", ", StreetClass.codes())
                    + (unknown.isEmpty() ? "" : "; not " + String.join(", ", unknown)));
        }
        return out;
    }
}
