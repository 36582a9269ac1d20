package org.partymap;

import static org.partymap.auth.Role.ADMIN;
import static org.partymap.auth.Role.GRID_WORKER;
import static org.partymap.auth.Role.PARTY_MEMBER;
import static org.partymap.auth.Role.PLANNER;
import static org.partymap.auth.Role.PUBLIC;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.partymap.auth.AccessControl;
import org.partymap.auth.Accounts;
import org.partymap.auth.AdminUserController;
import org.partymap.auth.AuditController;
import org.partymap.auth.AuditLog;
import org.partymap.auth.AuthController;
import org.partymap.auth.DeviceCookie;
import org.partymap.auth.SessionController;
import org.partymap.auth.SessionCookie;
import org.partymap.auth.SessionStore;
import org.partymap.consult.Consult;
import org.partymap.consult.ConsultService;
import org.partymap.activity.ActivityAnswers;
import org.partymap.activity.ActivityController;
import org.partymap.activity.ActivityRepository;
import org.partymap.activity.ActivityService;
import org.partymap.activity.ServiceProjectController;
import org.partymap.activity.ServiceProjectRepository;
import org.partymap.booking.BookingController;
import org.partymap.booking.BookingRepository;
import org.partymap.booking.BookingService;
import org.partymap.card.CardAnswers;
import org.partymap.card.CardController;
import org.partymap.card.CardLink;
import org.partymap.card.CardPdf;
import org.partymap.card.CardRepository;
import org.partymap.care.CareController;
import org.partymap.care.CareService;
import org.partymap.db.Database;
import org.partymap.db.LayerVersions;
import org.partymap.geocode.GazetteerCache;
import org.partymap.geocode.GeocodeController;
import org.partymap.grid.GridController;
import org.partymap.grid.GridRepository;
import org.partymap.health.HealthController;
import org.partymap.http.ClientIp;
import org.partymap.http.ErrorMapper;
import org.partymap.http.JettyErrors;
import org.partymap.http.KeptAnswers;
import org.partymap.http.QueryCheck;
import org.partymap.http.RateLimiter;
import org.partymap.http.SecurityHeaders;
import org.partymap.layer.LayerImporter;
import org.partymap.layer.LayerUploadController;
import org.partymap.map.BasemapRepository;
import org.partymap.map.MapController;
import org.partymap.notice.NoticeAnswers;
import org.partymap.notice.NoticeController;
import org.partymap.notice.NoticeRepository;
import org.partymap.ogc.CollectionCatalog;
import org.partymap.ogc.FeatureRepository;
import org.partymap.ogc.OgcApiDescription;
import org.partymap.ogc.OgcController;
import org.partymap.openapi.OpenApiDocument;
import org.partymap.orgtree.AreaController;
import org.partymap.orgtree.AreaRepository;
import org.partymap.planner.PlannerWorkspace;
import org.partymap.resident.ResidentController;
import org.partymap.resident.ResidentImportController;
import org.partymap.resident.ResidentImportJobs;
import org.partymap.resident.ResidentImporter;
import org.partymap.resident.ResidentRepository;
import org.partymap.resident.ReviewController;
import org.partymap.resident.ReviewQueue;
import org.partymap.route.StreetNetwork;
import org.partymap.station.AddressLocator;
import org.partymap.station.NearestController;
import org.partymap.station.NearestRepository;
import org.partymap.station.NearestService;
import org.partymap.station.StationController;
import org.partymap.station.StationRepository;
import org.partymap.station.StationServices;
import org.partymap.street.StreetController;
import org.partymap.street.StreetRepository;
import org.partymap.wish.WishController;
import org.partymap.wish.WishRepository;
import org.partymap.wish.WishService;

/**
 * The HTTP server: the one route table, the error mapper, the security filters and the static
 * web client. Every route names the roles that may call it ({@link org.partymap.auth.Role});
 * the server refuses to start with a route that names none.
 */
public final class App {

    /** The largest request body of any endpoint without an explicit limit of its own (JSON bodies). */
    public static final long MAX_BODY_BYTES = 1024 * 1024;

    /** How often the server looks whether the layers it holds in memory have changed. */
    static final Duration LAYER_POLL = Duration.ofSeconds(2);

    private App() {
    }

    /** A configured, not yet started server over the given database. */
    public static Javalin create(Config config, Database db) {
        return create(config, db, Clock.systemUTC());
    }

    /**
     * The same, with the clock that the service half (社区通's answer clocks, bookings) reads the
     * time from: tests pass a clock they move, and never sleep.
     */
    public static Javalin create(Config config, Database db, Clock clock) {
        var ds = db.dataSource();
        var security = config.security();
        var headers = new SecurityHeaders(config.tiles().map(t -> List.of(t.cspSource())).orElse(List.of()), config.https());
        var sessions = new SessionStore(ds, security.sessionIdle(), security.sessionMax());
        var cookie = new SessionCookie(config.https(), security.sessionMax());
        var auditLog = new AuditLog(ds);
        var accounts = new Accounts(ds, sessions);
        var access = new AccessControl(sessions, cookie, config.publicUrl());
        var lookups = new RateLimiter(security.rateLimit());

        // public look-ups that may lag the primary by a moment read the replica, when there is one;
        // what feeds the caches below (keyed by the primary's layer versions) reads the primary
        var reads = db.readDataSource();
        // whole layers: bytes kept per layer version, built from the primary (a lagging replica's answer
        // kept under the primary's version would stay stale until the next change)
        var versions = LayerVersions.start(ds, LAYER_POLL);
        var kept = new KeptAnswers(versions);
        var health = new HealthController(ds, kept);
        var areas = new AreaController(new AreaRepository(ds), kept);
        var grids = new GridController(new GridRepository(ds), new GridRepository(reads), kept);
        var stations = new StationController(new StationRepository(ds), kept);
        var streets = new StreetController(new StreetRepository(ds), kept);
        var gazetteer = new GazetteerCache(ds, Duration.ofSeconds(1));
        var geocode = new GeocodeController(gazetteer);
        var collections = CollectionCatalog.load();
        collections.verify(ds);
        var ogc = new OgcController(collections, new FeatureRepository(reads, collections), new FeatureRepository(ds, collections), versions,
                kept, config.publicUrl());
        var openApi = OpenApiDocument.build(OgcApiDescription.PREFIX, OgcApiDescription.paths(collections),
                OgcApiDescription.components(collections), config.publicUrl());
        var auth = new AuthController(ds, accounts, sessions, cookie, new DeviceCookie(ds, config.https()), auditLog);
        var users = new AdminUserController(accounts);
        var sessionList = new SessionController(sessions, cookie, accounts, auditLog);
        var audit = new AuditController(auditLog);
        var residents = new ResidentController(new ResidentRepository(ds), auditLog);
        var importJobs = new ResidentImportJobs(new ResidentImporter(ds, gazetteer::matcher));
        var residentImports = new ResidentImportController(importJobs, security.importMaxBytes());
        var review = new ReviewController(new ReviewQueue(ds));
        var uploads = new LayerUploadController(new LayerImporter(ds, gazetteer::matcher), auditLog, security.importMaxBytes());
        var planner = PlannerWorkspace.create(ds);

        var services = new StationServices(new NearestRepository(ds), versions);
        var nearest = new NearestController(new NearestService(new NearestRepository(reads), new StreetNetwork(ds, versions)),
                services, address -> gazetteer.matcher().match(address, 1).stream().findFirst()
                        .map(c -> new AddressLocator.Place(c.lon(), c.lat(), c.address(), c.level().code(), c.score())));
        var map = new MapController(new BasemapRepository(ds), services, versions, config.tiles(), kept);
        var consult = Consult.create(ds, address -> gazetteer.matcher().match(address, 1).stream().findFirst()
                .map(c -> new ConsultService.Located(c.lon(), c.lat(), c.confident())), clock, config.consult(), auditLog);

        // 公告: public reads rendered once per notice version (read from the primary, like the caches above)
        var noticeRepository = new NoticeRepository(ds);
        var notices = new NoticeController(noticeRepository, new NoticeAnswers(noticeRepository, versions), config.publicUrl(), clock);

        // 预约办事: public writes get their own limit, one a second per client (off with the look-ups' limit)
        var bookings = new BookingController(new BookingService(new BookingRepository(ds), config.booking(), clock), auditLog);
        var bookingWrites = new RateLimiter(security.rateLimit() == 0 ? 0 : 1);

        // 便民卡: public answers per grid cached per layer version (read from the primary, like the caches above)
        var cardLink = CardLink.of(config.publicUrl());
        var cardRepository = new CardRepository(ds);
        var cards = new CardController(cardRepository,
                new CardAnswers(cardRepository, versions, config.cards().emergencyNumbers(), cardLink),
                new CardPdf(config.cards().emergencyNumbers(), cardLink));
        // 活动与服务项目: public reads rendered once per version and minute; sign-ups limited like bookings
        var activityRepository = new ActivityRepository(ds);
        var activityService = new ActivityService(activityRepository, clock);
        var activities = new ActivityController(activityRepository, activityService,
                new ActivityAnswers(activityRepository, activityService, versions), config.publicUrl(), auditLog);
        var serviceProjects = new ServiceProjectController(new ServiceProjectRepository(ds), activityRepository, services::written, clock);
        var signupWrites = new RateLimiter(security.rateLimit() == 0 ? 0 : 1);
        // 微心愿: the walls are kept answers; claims limited like sign-ups
        var wishRepository = new WishRepository(ds);
        var wishes = new WishController(wishRepository, new WishService(wishRepository, clock), kept, auditLog);
        var claimWrites = new RateLimiter(security.rateLimit() == 0 ? 0 : 1);
        // 走访: care households and their visits, for the grid workers who serve them
        var care = new CareController(new CareService(ds, config.care(), clock), auditLog);

        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.host = config.host();
            cfg.jetty.port = config.port();
            var threads = new QueuedThreadPool(config.httpThreads(), Math.min(4, config.httpThreads()));
            threads.setName("partymap-http");
            cfg.jetty.threadPool = threads;
            cfg.http.maxRequestSize = MAX_BODY_BYTES;
            cfg.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors(headers)));
            cfg.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new JettyErrors(headers)));
            cfg.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/web";
                files.location = Location.CLASSPATH;
            });
            cfg.staticFiles.enableWebjars();
            headers.install(cfg);
            ClientIp.install(cfg, security.trustProxy());
            ErrorMapper.install(cfg);
            cfg.events.serverStopped(versions::close);
            cfg.events.serverStopped(health::close);
            cfg.events.serverStarted(gazetteer::warmUp);
            cfg.events.serverStopped(gazetteer::close);
            cfg.events.serverStopped(importJobs::close);
            cfg.events.serverStarted(consult.live()::start);
            cfg.events.serverStopping(consult.live()::close);
            QueryCheck.install(cfg);
            access.install(cfg);

            var r = cfg.routes;
            r.get("/api/health", health::health, PUBLIC);
            r.get("/api/subdistricts", areas::subdistricts, PUBLIC);
            r.get("/api/communities", areas::communities, PUBLIC);
            r.get("/api/grids", grids::list, PUBLIC);
            r.get("/api/grids/{id}", grids::detail, PUBLIC);
            // 便民卡 (the JSON is bytes kept per layer version, so it needs no budget; a PDF's first rendering costs, so it has one)
            r.get("/api/grids/{id}/card", cards::card, PUBLIC);
            r.get("/api/grids/{id}/card.pdf", lookups.limit(cards::cardPdf), PUBLIC);
            r.get("/api/communities/{id}/cards.pdf", cards::communityPdf, GRID_WORKER, PLANNER, ADMIN);
            r.get("/api/subdistricts/{id}/cards.pdf", cards::subdistrictPdf, GRID_WORKER, PLANNER, ADMIN);
            r.get("/api/locate", lookups.limit(grids::locate), PUBLIC);
            r.get("/api/geocode", lookups.limit(geocode::geocode), PUBLIC);
            r.get("/api/reverse", lookups.limit(geocode::reverse), PUBLIC);
            r.get("/api/stations", stations::list, PUBLIC);
            r.get("/api/streets", streets::list, PUBLIC);
            r.get("/api/nearest", lookups.limit(nearest::nearest), PUBLIC);
            r.get("/api/config", map::config, PUBLIC);
            r.get("/api/basemap", map::basemap, PUBLIC);

            // 公告
            r.get("/api/communities/{id}/notices", notices::list, PUBLIC);
            r.get("/api/communities/{id}/notices.atom", notices::feed, PUBLIC);
            r.get("/api/notices/{id}", notices::read, PUBLIC);
            r.post("/api/communities/{id}/notices", notices::publish, GRID_WORKER, PLANNER, ADMIN);
            r.patch("/api/notices/{id}", notices::change, GRID_WORKER, PLANNER, ADMIN);
            r.delete("/api/notices/{id}", notices::withdraw, GRID_WORKER, PLANNER, ADMIN);

            // 社区通: residents ask without an account (their private link opens /mine); workers answer in the inbox
            r.get("/api/grids/{id}/ask", lookups.limit(consult.questions()::form), PUBLIC);
            r.post("/api/questions", consult.questions()::ask, PUBLIC);
            r.get("/api/questions/mine", lookups.limit(consult.questions()::mine), PUBLIC);
            r.post("/api/questions/mine/messages", consult.questions()::followUp, PUBLIC);
            r.post("/api/questions/mine/resolution", lookups.limit(consult.questions()::resolution), PUBLIC);
            r.get("/api/communities/{id}/consult-stats", lookups.limit(consult.inbox()::publicStats), PUBLIC);
            r.get("/api/inbox", consult.inbox()::inbox, GRID_WORKER, PLANNER, ADMIN);
            r.get("/api/inbox/events", consult.live().handler(), GRID_WORKER, PLANNER, ADMIN);
            r.get("/api/questions/{id}", consult.inbox()::read, GRID_WORKER, PLANNER, ADMIN);
            r.post("/api/questions/{id}/answers", consult.inbox()::answer, GRID_WORKER, PLANNER, ADMIN);
            r.post("/api/questions/{id}/transfer", consult.inbox()::transfer, GRID_WORKER, PLANNER, ADMIN);
            r.get("/api/consult/stats", consult.inbox()::stats, GRID_WORKER, PLANNER, ADMIN);
            r.put("/api/communities/{id}/service-hours", consult.inbox()::serviceHours, GRID_WORKER, PLANNER, ADMIN);
            // 预约办事
            r.get("/api/stations/{id}/slots", lookups.limit(bookings::slots), PUBLIC);
            r.post("/api/bookings", bookingWrites.limit(bookings::book), PUBLIC);
            r.get("/api/bookings/mine", lookups.limit(bookings::mine), PUBLIC);
            r.post("/api/bookings/mine/cancel", bookingWrites.limit(bookings::cancel), PUBLIC);
            r.get("/api/bookings", bookings::list, GRID_WORKER, PLANNER, ADMIN);
            // 活动与服务项目: the lists and feeds are bytes kept per version and minute (no budget: the map card asks one per post)
            r.get("/api/stations/{id}/activities", activities::atStation, PUBLIC);
            r.get("/api/stations/{id}/activities.ics", activities::stationFeed, PUBLIC);
            r.get("/api/communities/{id}/activities", activities::inCommunity, PUBLIC);
            r.get("/api/communities/{id}/activities.ics", activities::communityFeed, PUBLIC);
            r.post("/api/activities", activities::publish, GRID_WORKER, PLANNER, ADMIN);
            r.patch("/api/activities/{id}", activities::change, GRID_WORKER, PLANNER, ADMIN);
            r.delete("/api/activities/{id}", activities::cancel, GRID_WORKER, PLANNER, ADMIN);
            r.get("/api/activities/{id}/signups", activities::signups, GRID_WORKER, PLANNER, ADMIN);
            r.post("/api/activities/{id}/signups", signupWrites.limit(activities::signUp), PUBLIC);
            r.get("/api/signups/mine", lookups.limit(activities::mine), PUBLIC);
            r.post("/api/signups/mine/cancel", signupWrites.limit(activities::cancelMine), PUBLIC);
            r.get("/api/communities/{id}/service-projects", lookups.limit(serviceProjects::list), PUBLIC);
            r.post("/api/communities/{id}/service-projects", serviceProjects::add, GRID_WORKER, PLANNER, ADMIN);
            r.patch("/api/service-projects/{id}", serviceProjects::change, GRID_WORKER, PLANNER, ADMIN);
            r.delete("/api/service-projects/{id}", serviceProjects::delete, GRID_WORKER, PLANNER, ADMIN);
            // 微心愿: the wall is public and free of personal data; a worker of the grid posts and keeps a wish
            r.get("/api/communities/{id}/wishes", wishes::wall, PUBLIC);
            r.post("/api/wishes/{id}/claim", claimWrites.limit(wishes::claim), PUBLIC);
            r.get("/api/wishes/mine", wishes::mine, PARTY_MEMBER);
            r.get("/api/wishes", wishes::list, GRID_WORKER, PLANNER, ADMIN);
            r.post("/api/wishes", wishes::post, GRID_WORKER, ADMIN);
            r.post("/api/wishes/{id}/confirm", wishes::confirm, GRID_WORKER, ADMIN);
            r.post("/api/wishes/{id}/release", wishes::release, GRID_WORKER, ADMIN);
            r.post("/api/wishes/{id}/fulfil", wishes::fulfil, GRID_WORKER, ADMIN);
            r.delete("/api/wishes/{id}", wishes::withdraw, GRID_WORKER, ADMIN);
            // 走访: households and notes only for their grid workers; coverage (counts) for community staff and planners
            r.get("/api/care/households", care::households, GRID_WORKER, ADMIN);
            r.get("/api/care/residents/{id}", care::household, GRID_WORKER, ADMIN);
            r.post("/api/care/visits", care::record, GRID_WORKER, ADMIN);
            r.get("/api/care/coverage", care::coverage, GRID_WORKER, PLANNER, ADMIN);

            r.post("/api/login", auth::login, PUBLIC);
            r.post("/api/logout", auth::logout, PUBLIC);
            r.get("/api/me", auth::me, GRID_WORKER, PLANNER, ADMIN, PARTY_MEMBER);
            r.post("/api/me/password", auth::changePassword, GRID_WORKER, PLANNER, ADMIN, PARTY_MEMBER);
            r.get("/api/me/sessions", sessionList::mine, GRID_WORKER, PLANNER, ADMIN, PARTY_MEMBER);
            r.delete("/api/me/sessions/{id}", sessionList::endMine, GRID_WORKER, PLANNER, ADMIN, PARTY_MEMBER);
            r.post("/api/me/sessions/end-others", sessionList::endOthers, GRID_WORKER, PLANNER, ADMIN, PARTY_MEMBER);

            r.get("/api/residents", residents::list, GRID_WORKER, ADMIN);
            r.get("/api/residents/{id}", residents::read, GRID_WORKER, ADMIN);
            r.put("/api/residents/{id}/location", review::pin, GRID_WORKER, ADMIN);
            r.post("/api/residents/imports", residentImports::upload, GRID_WORKER, ADMIN);
            r.get("/api/residents/imports/{id}", residentImports::status, GRID_WORKER, ADMIN);
            r.get("/api/review/residents", review::list, GRID_WORKER, ADMIN);
            r.get("/api/subdistricts/{id}/workload", residents::workload, PLANNER, ADMIN);

            r.get("/api/planner/communities", planner.communities()::communities, PLANNER, ADMIN);
            r.get("/api/planner/communities/{id}", planner.communities()::community, PLANNER, ADMIN);
            r.get("/api/planner/communities/{id}/blocks", planner.communities()::blocks, PLANNER, ADMIN);
            r.get("/api/planner/communities/{id}/proposal", planner.communities()::proposal, PLANNER, ADMIN);
            r.post("/api/planner/edits/preview", planner.edits()::preview, PLANNER, ADMIN);
            r.post("/api/planner/edits", planner.edits()::save, PLANNER, ADMIN);
            r.get("/api/planner/grids/{id}/history", planner.history()::history, PLANNER, ADMIN);
            r.get("/api/planner/grids/{id}/versions/{version}", planner.history()::version, PLANNER, ADMIN);
            r.get("/api/planner/export", planner.export()::export, PLANNER, ADMIN);

            r.get("/api/admin/users", users::list, ADMIN);
            r.post("/api/admin/users", users::create, ADMIN);
            r.patch("/api/admin/users/{id}", users::update, ADMIN);
            r.post("/api/admin/users/{id}/password", users::resetPassword, ADMIN);
            r.get("/api/admin/users/{id}/sessions", sessionList::ofUser, ADMIN);
            r.post("/api/admin/users/{id}/sessions/end", sessionList::endAllOfUser, ADMIN);
            r.get("/api/admin/status", health::status, ADMIN);
            r.get("/api/admin/audit", audit::list, ADMIN);
            r.get("/api/admin/audit/export", audit::export, ADMIN);
            r.post("/api/admin/import", uploads::upload, ADMIN);

            r.get("/api/openapi.json", openApi::serve, PUBLIC);

            r.before("/ogc", OgcController::allowAnyOrigin);
            r.before("/ogc/*", OgcController::allowAnyOrigin);
            r.get("/ogc", ogc::landing, PUBLIC);
            r.get("/ogc/conformance", ogc::conformance, PUBLIC);
            r.get("/ogc/collections", ogc::collections, PUBLIC);
            r.get("/ogc/collections/{collectionId}", ogc::collection, PUBLIC);
            r.get("/ogc/collections/{collectionId}/items", ogc::items, PUBLIC);
            r.get("/ogc/collections/{collectionId}/items/{featureId}", ogc::item, PUBLIC);
            r.get("/ogc/collections/{collectionId}/queryables", ogc::queryables, PUBLIC);
            r.get("/ogc/collections/{collectionId}/schema", ogc::schema, PUBLIC);
        });
        AccessControl.requireRolesOnEveryRoute(app);
        return app;
    }
}
