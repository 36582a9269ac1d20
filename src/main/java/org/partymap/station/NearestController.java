package org.partymap.station;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import org.partymap.http.Responses;

/** {@code GET /api/nearest?lon=&lat=|address=&kind=&service=&limit=&mode=walk|straight&include=}. */
public final class NearestController {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final NearestService nearest;
    private final StationServices services;
    private final AddressLocator addresses;

    public NearestController(NearestService nearest, StationServices services, AddressLocator addresses) {
        this.nearest = nearest;
        this.services = services;
        this.addresses = addresses;
    }

    public void nearest(Context ctx) throws JsonProcessingException {
        NearestQuery q = NearestQuery.from(ctx, addresses, services.all());
        Responses.json(ctx, q.walk() ? JSON.writeValueAsString(nearest.walk(q)) : nearest.straight(q));
    }
}
