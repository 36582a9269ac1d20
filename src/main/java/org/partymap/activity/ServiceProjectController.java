package org.partymap.activity;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.partymap.activity.ActivityRepository.CommunityRef;
import org.partymap.activity.ServiceProjectRepository.Project;
import org.partymap.auth.AccessControl;
import org.partymap.auth.AuditLog;
import org.partymap.auth.User;
import org.partymap.http.ApiException;
import org.partymap.http.ClientIp;
import org.partymap.http.JsonBody;
import org.partymap.http.Params;
import org.partymap.http.Responses;

/**
 * 服务项目 routes: anyone lists a community's projects; its community staff
 * ({@link User#servesCommunity}) add, change and delete them. The post that runs a project must be
 * one of the community's.
 */
public final class ServiceProjectController {

    private static final Set<String> FIELDS = Set.of("name", "description", "audience", "station", "contact");

    /** A community's projects as the public reads them. */
    public record Projects(ActivityJson.Community community, List<Project> projects) {
    }

    private final ServiceProjectRepository projects;
    private final ActivityRepository activities;
    private final Runnable written;
    private final Clock clock;

    /** {@code written} runs after each committed write, so the map's service filter sees it at once ({@code StationServices}). */
    public ServiceProjectController(ServiceProjectRepository projects, ActivityRepository activities, Runnable written, Clock clock) {
        this.projects = projects;
        this.activities = activities;
        this.written = written;
        this.clock = clock;
    }

    public void list(Context ctx) {
        int id = Params.id(ctx, "id");
        CommunityRef c = activities.community(id).orElseThrow(() -> ActivityController.noCommunity(id));
        ctx.header("Cache-Control", "no-cache");
        Responses.jsonOf(ctx, new Projects(new ActivityJson.Community(c.id(), c.name()), projects.ofCommunity(id)));
    }

    public void add(Context ctx) {
        User user = AccessControl.requireUser(ctx);
        CommunityRef c = staffOf(user, Params.id(ctx, "id"));
        JsonBody body = JsonBody.of(ctx, FIELDS);
        var p = new Project(0, c.id(), ActivityInput.required(ActivityInput.text(body, "name", 32, false), "name"),
                ActivityInput.text(body, "description", 1000, true).orElse(null), ActivityInput.text(body, "audience", 100, false).orElse(null),
                ActivityInput.text(body, "contact", 64, false).orElse(null), station(body, c).orElse(null));
        int id = projects.add(p, clock.instant(), actor(ctx, user)).orElseThrow(() -> nameTaken(p.name(), c));
        written.run();
        ctx.status(201).header("Location", "/api/service-projects/" + id);
        Responses.jsonOf(ctx, projects.find(id).orElseThrow());
    }

    public void change(Context ctx) {
        User user = AccessControl.requireUser(ctx);
        int id = Params.id(ctx, "id");
        Project current = projects.find(id).orElseThrow(() -> noProject(id));
        CommunityRef c = staffOf(user, current.communityId());
        JsonBody body = JsonBody.of(ctx, FIELDS);
        if (FIELDS.stream().noneMatch(body::has)) {
            throw ApiException.badRequest("nothing-to-change", "give at least one of " + String.join(", ", FIELDS.stream().sorted().toList()));
        }
        var p = new Project(id, c.id(), ActivityInput.text(body, "name", 32, false).orElse(current.name()),
                ActivityInput.text(body, "description", 1000, true).orElse(current.description()),
                ActivityInput.text(body, "audience", 100, false).orElse(current.audience()),
                ActivityInput.text(body, "contact", 64, false).orElse(current.contact()),
                body.has("station") ? station(body, c).orElse(null) : current.station());
        if (!projects.change(p, clock.instant(), actor(ctx, user))) {
            throw nameTaken(p.name(), c);
        }
        written.run();
        Responses.jsonOf(ctx, projects.find(id).orElseThrow());
    }

    public void delete(Context ctx) {
        User user = AccessControl.requireUser(ctx);
        int id = Params.id(ctx, "id");
        staffOf(user, projects.communityOf(id).orElseThrow(() -> noProject(id)));
        // deleting what is deleted already changes nothing: DELETE is idempotent
        if (projects.delete(id, clock.instant(), actor(ctx, user))) {
            written.run();
        }
        ctx.status(204);
    }

    /** The post that runs the project: one of the community's, else 422. */
    private Optional<ActivityJson.Station> station(JsonBody body, CommunityRef c) {
        if (!body.has("station")) {
            return Optional.empty();
        }
        double raw = body.number("station", 1, Integer.MAX_VALUE);
        if (raw != Math.rint(raw)) {
            throw ActivityInput.bad("station", "station must be a post's id, a whole number");
        }
        var place = activities.place((int) raw).filter(p -> Objects.equals(p.communityId(), c.id()))
                .orElseThrow(() -> ApiException.unprocessable("station-not-in-community", "post " + (int) raw + " is not a post of "
                        + c.name()).with("field", "station"));
        return Optional.of(ActivityJson.Station.of(place));
    }

    private CommunityRef staffOf(User user, int communityId) {
        CommunityRef c = activities.community(communityId).orElseThrow(() -> ActivityController.noCommunity(communityId));
        if (!user.servesCommunity(c.id(), c.subdistrictId())) {
            throw ApiException.forbidden("out-of-scope", "you are not staff of " + c.name() + " (community " + c.id()
                    + "): its service projects are kept by its community staff, its subdistrict's planners and admins");
        }
        return c;
    }

    private static AuditLog.Actor actor(Context ctx, User user) {
        return AuditLog.Actor.of(user, ClientIp.of(ctx));
    }

    private static ApiException nameTaken(String name, CommunityRef c) {
        return ApiException.conflict("project-exists", c.name() + " has a service project named " + name + " already").with("field", "name");
    }

    private static ApiException noProject(int id) {
        return ApiException.notFound("service-project-not-found", "there is no service project " + id);
    }
}
