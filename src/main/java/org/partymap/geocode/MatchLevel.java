package org.partymap.geocode;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How precisely an answer places the address, from the most precise down. */
public enum MatchLevel {
    /** The standard address itself (门牌 or estate + building + unit), or a station by its name. */
    ADDRESS,
    /** The building (楼栋) of an estate; the unit was not given or is not in the gazetteer. */
    BUILDING,
    /** The road and main house number of a standard address; a sub-number or unit differs. */
    HOUSE_NUMBER,
    /** A house number placed along its street segment by the segment's number range, on its side. */
    INTERPOLATED,
    /** The road only. */
    STREET,
    /** The estate (小区) only. */
    ESTATE,
    /** The community (社区) only. */
    COMMUNITY,
    /** The subdistrict (街道) only. */
    SUBDISTRICT;

    /** Whether an answer at this level is a point for one door or building (address, building, house number, interpolated). */
    public boolean isPoint() {
        return compareTo(INTERPOLATED) <= 0;
    }

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MatchLevel parse(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
