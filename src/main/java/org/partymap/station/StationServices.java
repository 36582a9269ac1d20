package org.partymap.station;

import java.util.List;
import org.partymap.db.LayerVersions;

/**
 * The services the stations offer (图书室, 助残服务站, 放学来吧 …): what {@code service=} may name
 * and what the map offers as filters, with the names of the 服务项目 posts run. Read again when the
 * stations or the projects change.
 */
public final class StationServices {

    private final NearestRepository repository;
    private final LayerVersions versions;
    private static final List<String> LAYERS = List.of("station", "service_project");
    private final java.util.concurrent.atomic.AtomicLong writtenHere = new java.util.concurrent.atomic.AtomicLong();
    private volatile Cached cached = new Cached("", List.of());

    private record Cached(String version, List<String> services) {
    }

    public StationServices(NearestRepository repository, LayerVersions versions) {
        this.repository = repository;
        this.versions = versions;
    }

    /** After a write of this node's to the projects has committed: the next read sees it without waiting for a poll. */
    public void written() {
        writtenHere.incrementAndGet();
    }

    public List<String> all() {
        String version = versions.token(LAYERS) + "-" + writtenHere.get();
        Cached c = cached;
        if (!c.version().equals(version)) {
            c = new Cached(version, List.copyOf(repository.services()));
            cached = c;
        }
        return c.services();
    }
}
