package org.partymap.station;

import io.javalin.http.Context;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.partymap.http.ApiException;
import org.partymap.http.Params;

/**
 * What {@code GET /api/nearest} was asked, checked strictly.
 *
 * @param lon      the origin, WGS-84 degrees
 * @param lat      the origin, WGS-84 degrees
 * @param address  the place the origin was matched to, if it came from {@code address=}
 * @param kinds    the station kinds wanted; empty means all
 * @param service  a service the stations must offer
 * @param limit    how many stations to answer, 1..{@value #MAX_LIMIT}
 * @param walk     whether to compute walking distances and routes, or straight lines only
 * @param include  a station to answer about in any case (the post that serves the resident's grid)
 */
public record NearestQuery(double lon, double lat, Optional<AddressLocator.Place> address, List<String> kinds,
                           Optional<String> service, int limit, boolean walk, List<Integer> include) {

    public static final int DEFAULT_LIMIT = 5;
    public static final int MAX_LIMIT = 20;

    /** Reads the request; {@code services} are those some station offers. */
    public static NearestQuery from(Context ctx, AddressLocator addresses, List<String> services) {
        Optional<String> text = Params.text(ctx, "address", Params.MAX_TEXT);
        boolean hasPoint = !ctx.queryParams("lon").isEmpty() || !ctx.queryParams("lat").isEmpty();
        Optional<AddressLocator.Place> address = Optional.empty();
        double lon;
        double lat;
        if (text.isPresent()) {
            if (hasPoint) {
                throw ApiException.badParameter("address", "give either lon and lat or address, not both");
            }
            AddressLocator.Place p = addresses.locate(text.get()).orElseThrow(() -> ApiException.notFound("address-not-found",
                    "no place matches the address '" + text.get() + "'"));
            address = Optional.of(p);
            lon = p.lon();
            lat = p.lat();
        } else {
            lon = Params.lon(ctx);
            lat = Params.lat(ctx);
        }
        Optional<String> service = Params.text(ctx, "service", 32);
        if (service.isPresent() && !services.contains(service.get())) {
            throw ApiException.badParameter("service", "no station offers the service '" + service.get() + "'")
                    .with("known", services);
        }
        String mode = Params.oneOf(ctx, "mode", List.of("walk", "straight")).orElse("walk");
        return new NearestQuery(lon, lat, address, kinds(ctx), service,
                Params.integer(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT, false), mode.equals("walk"), include(ctx));
    }

    /** {@code kind=grid_station,activity_room}: any of the station kinds. */
    private static List<String> kinds(Context ctx) {
        var out = new LinkedHashSet<String>();
        for (String part : Params.text(ctx, "kind", Params.MAX_TEXT).map(k -> k.split(",", -1)).orElse(new String[0])) {
            String kind = part.strip().toLowerCase(Locale.ROOT);
            if (!StationKind.codes().contains(kind)) {
                throw ApiException.badParameter("kind", "kind must be one or more of " + String.join(", ", StationKind.codes())
                        + " separated by commas, not '" + part.strip() + "'");
            }
            out.add(kind);
        }
        return List.copyOf(out);
    }

    /** {@code include=ID}: a station answered in any case (the post that serves the resident's grid). */
    private static List<Integer> include(Context ctx) {
        return Params.optionalId(ctx, "include").map(List::of).orElse(List.of());
    }

    /** The kinds as the SQL array parameter: null for all. */
    String[] kindArray() {
        return kinds.isEmpty() ? null : kinds.toArray(String[]::new);
    }
}
