package org.partymap;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import java.time.Duration;
import org.partymap.db.Database;
import org.partymap.geocode.GazetteerCache;
import org.partymap.geocode.GeocodeController;
import org.partymap.grid.GridController;
import org.partymap.grid.GridRepository;
import org.partymap.health.HealthController;
import org.partymap.http.ErrorMapper;
import org.partymap.orgtree.AreaController;
import org.partymap.orgtree.AreaRepository;
import org.partymap.station.StationController;
import org.partymap.station.StationRepository;
import org.partymap.street.StreetController;
import org.partymap.street.StreetRepository;

/** The HTTP server: the one route table, the error mapper and the static web client. */
public final class App {

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
        var gazetteer = new GazetteerCache(ds, Duration.ofSeconds(1));
        var geocode = new GeocodeController(gazetteer);

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
            cfg.events.serverStarted(gazetteer::warmUp);
            cfg.events.serverStopped(gazetteer::close);

            var r = cfg.routes;
            r.get("/api/health", health::health);
            r.get("/api/subdistricts", areas::subdistricts);
            r.get("/api/communities", areas::communities);
            r.get("/api/grids", grids::list);
            r.get("/api/grids/{id}", grids::detail);
            r.get("/api/locate", grids::locate);
            r.get("/api/stations", stations::list);
            r.get("/api/streets", streets::list);
            r.get("/api/geocode", geocode::geocode);
            r.get("/api/reverse", geocode::reverse);
        });
    }
}
