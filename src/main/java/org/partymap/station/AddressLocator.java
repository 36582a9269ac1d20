package org.partymap.station;

import java.util.Optional;
import org.partymap.http.ApiException;

/**
 * Turns the text of {@code /api/nearest?address=} into a point: the seam where geocoding plugs in
 * (App wires the geocoder's best candidate). Without one ({@link #NONE}), such requests get a 400
 * (geocoding-unavailable) that says to send lon and lat instead: the caller can always do that.
 */
@FunctionalInterface
public interface AddressLocator {

    /**
     * The place an address was matched to.
     *
     * @param address the standard address it matched
     * @param level   how precisely (address, building, house_number, interpolated, street, …)
     * @param score   0–1; 0.8 or more is right to within 100 m
     */
    record Place(double lon, double lat, String address, String level, double score) {
    }

    /** The best place for the address, or empty when nothing matches it. */
    Optional<Place> locate(String address);

    AddressLocator NONE = address -> {
        throw ApiException.badRequest("geocoding-unavailable",
                "this server cannot look up addresses yet; give lon and lat instead of address")
                .with("parameter", "address");
    };
}
