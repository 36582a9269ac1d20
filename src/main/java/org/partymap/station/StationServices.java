package org.partymap.station;

import java.util.List;
import org.partymap.db.LayerVersions;

/**
 * The services the stations offer (图书室, 助残服务站, 放学来吧 …): what {@code service=} may name
 * and what the map offers as filters. Read again when the stations change.
 */
public final class StationServices {

    private final NearestRepository repository;
    private final LayerVersions versions;
    private volatile Cached cached = new Cached(-1, List.of());

    private record Cached(long version, List<String> services) {
    }

    public StationServices(NearestRepository repository, LayerVersions versions) {
        this.repository = repository;
        this.versions = versions;
    }

    public List<String> all() {
        long version = versions.version("station");
        Cached c = cached;
        if (c.version() != version) {
            c = new Cached(version, List.copyOf(repository.services()));
            cached = c;
        }
        return c.services();
    }
}
