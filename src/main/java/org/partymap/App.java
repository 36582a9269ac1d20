package org.partymap;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import java.time.Duration;
import org.partymap.db.Database;
import org.partymap.db.LayerVersions;
import org.partymap.grid.GridController;
import org.partymap.grid.GridRepository;
import org.partymap.health.HealthController;
import org.partymap.http.ErrorMapper;
import org.partymap.map.BasemapRepository;
import org.partymap.map.MapController;
import org.partymap.orgtree.AreaController;
import org.partymap.orgtree.AreaRepository;
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

/** The HTTP server: the one route table, the error mapper and the static web client. */
public final class App {

    /** How often the server looks whether the layers it holds in memory have changed. */
    static final Duration LAYER_POLL = Duration.ofSeconds(2);

    private App() {
    }

    /** A configured, not yet started server over the given database. */
    public static Javalin create(Config config, Database db) {
        var ds = db.dataSource();
        var health = new HealthController(ds);
        var areas = new AreaController(new AreaRepository(ds));
        var grids = new GridController(new GridRepository(ds));
        var stations = new StationController(new StationRepository(ds));
        var streets = new StreetController(new StreetRepository(ds));
        var versions = LayerVersions.start(ds, LAYER_POLL);
        var nearestRepository = new NearestRepository(ds);
        var services = new StationServices(nearestRepository, versions);
        var nearest = new NearestController(new NearestService(nearestRepository, new StreetNetwork(ds, versions)),
                services, AddressLocator.NONE);
        var map = new MapController(new BasemapRepository(ds), services, versions, config.tiles());

        return Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.host = config.host();
            cfg.jetty.port = config.port();
            cfg.http.maxRequestSize = 1_000_000L;
            cfg.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/web";
                files.location = Location.CLASSPATH;
            });
            cfg.staticFiles.enableWebjars();
            ErrorMapper.install(cfg);
            cfg.events.serverStopped(versions::close);

            var r = cfg.routes;
            r.get("/api/health", health::health);
            r.get("/api/subdistricts", areas::subdistricts);
            r.get("/api/communities", areas::communities);
            r.get("/api/grids", grids::list);
            r.get("/api/grids/{id}", grids::detail);
            r.get("/api/locate", grids::locate);
            r.get("/api/stations", stations::list);
            r.get("/api/streets", streets::list);
            r.get("/api/nearest", nearest::nearest);
            r.get("/api/config", map::config);
            r.get("/api/basemap", map::basemap);
        });
    }
}
