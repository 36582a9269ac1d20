package org.partymap.geocode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.List;
import org.partymap.http.ApiException;
import org.partymap.http.Params;
import org.partymap.http.Responses;

/**
 * {@code GET /api/geocode?q=&limit=} (ranked candidates, best first) and
 * {@code GET /api/reverse?lon=&lat=} (what is at a point). Both public.
 */
public final class GeocodeController {

    /** The longest query accepted, in characters. */
    public static final int MAX_QUERY = 200;
    static final int DEFAULT_LIMIT = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The answer to one query, as the map page reads it. */
    public record Answer(String query, List<Candidate> candidates) {
    }

    private final GazetteerCache gazetteer;

    public GeocodeController(GazetteerCache gazetteer) {
        this.gazetteer = gazetteer;
    }

    public void geocode(Context ctx) {
        String q = query(ctx);
        int limit = Params.integer(ctx, "limit", DEFAULT_LIMIT, 1, Matcher.MAX_LIMIT, false);
        write(ctx, new Answer(q, gazetteer.matcher().match(q, limit)));
    }

    public void reverse(Context ctx) {
        double lon = Params.lon(ctx);
        double lat = Params.lat(ctx);
        write(ctx, new ReverseGeocoder(gazetteer.gazetteer()).reverse(lon, lat));
    }

    private static String query(Context ctx) {
        if (ctx.queryParam("q") == null) {
            throw ApiException.badParameter("q", "q is required: the address to look up");
        }
        return Params.text(ctx, "q", MAX_QUERY).orElseThrow(() ->
                ApiException.badParameter("q", "q is empty: give the address to look up"));
    }

    private static void write(Context ctx, Object body) {
        try {
            Responses.json(ctx, JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
