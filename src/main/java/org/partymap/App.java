package org.partymap;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import org.partymap.db.Database;
import org.partymap.grid.GridController;
import org.partymap.grid.GridRepository;
import org.partymap.health.HealthController;
import org.partymap.http.ErrorMapper;
import org.partymap.ogc.CollectionCatalog;
import org.partymap.ogc.FeatureRepository;
import org.partymap.ogc.OgcApiDescription;
import org.partymap.ogc.OgcController;
import org.partymap.openapi.OpenApiDocument;
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
        var collections = CollectionCatalog.load();
        collections.verify(ds);
        var ogc = new OgcController(collections, new FeatureRepository(ds, collections), config.publicUrl());
        var openApi = OpenApiDocument.build(OgcApiDescription.PREFIX, OgcApiDescription.paths(collections),
                OgcApiDescription.components(collections), config.publicUrl());

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

            var r = cfg.routes;
            r.get("/api/health", health::health);
            r.get("/api/subdistricts", areas::subdistricts);
            r.get("/api/communities", areas::communities);
            r.get("/api/grids", grids::list);
            r.get("/api/grids/{id}", grids::detail);
            r.get("/api/locate", grids::locate);
            r.get("/api/stations", stations::list);
            r.get("/api/streets", streets::list);
            r.get("/api/openapi.json", openApi::serve);

            r.before("/ogc", OgcController::allowAnyOrigin);
            r.before("/ogc/*", OgcController::allowAnyOrigin);
            r.get("/ogc", ogc::landing);
            r.get("/ogc/conformance", ogc::conformance);
            r.get("/ogc/collections", ogc::collections);
            r.get("/ogc/collections/{collectionId}", ogc::collection);
            r.get("/ogc/collections/{collectionId}/items", ogc::items);
            r.get("/ogc/collections/{collectionId}/items/{featureId}", ogc::item);
            r.get("/ogc/collections/{collectionId}/queryables", ogc::queryables);
            r.get("/ogc/collections/{collectionId}/schema", ogc::schema);
        });
    }
}
