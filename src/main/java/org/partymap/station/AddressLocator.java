package org.partymap.station;

import java.util.Optional;
import org.partymap.http.ApiException;

/**
 * Turns the text of {@code /api/nearest?address=} into a point: the seam where geocoding plugs in.
 * Until a geocoder is wired in ({@link #NONE}), such requests get a 400 (geocoding-unavailable)
 * that says to send lon and lat instead: the caller can always do that.
 */
@FunctionalInterface
public interface AddressLocator {

    /** The best point for the address as {lon, lat}, or empty when nothing matches it. */
    Optional<double[]> locate(String address);

    AddressLocator NONE = address -> {
        throw ApiException.badRequest("geocoding-unavailable",
                "this server cannot look up addresses yet; give lon and lat instead of address")
                .with("parameter", "address");
    };
}
