package org.partymap.geocode;

import java.util.List;

/**
 * Address text in the one form that the parser and the gazetteer share: half-width digits and
 * letters, numbers as digits, one building marker (幢), no spaces or punctuation, and without the
 * province / city / district prefix, which is kept apart as hints.
 *
 * @param text    the normalised address, possibly empty
 * @param regions the administrative divisions the address began with, outermost first
 */
public record NormalizedAddress(String text, List<AdminRegions.Region> regions) {

    public NormalizedAddress {
        regions = List.copyOf(regions);
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }
}
