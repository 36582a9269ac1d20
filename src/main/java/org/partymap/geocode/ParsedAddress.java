package org.partymap.geocode;

/**
 * The components of one normalised address; each is null when the address does not give it.
 * Numbers are kept as text as written after normalisation ("12", "12-1", "A").
 *
 * @param subdistrict 街道, with its suffix ("先锋街道")
 * @param community   社区 or 村 ("莲花路社区")
 * @param road        the road ("人民路", "开放大道", "三元巷")
 * @param houseNumber the house number on the road, without 号 ("12", "12-1" for 12-1号 and 12号之一)
 * @param estate      the estate (小区 花园 苑 新村 …), with a phase when given ("万方花园2期")
 * @param building    the building number, without 幢 ("3", "A")
 * @param unit        the unit (单元) number
 * @param floor       the floor (层 / 楼)
 * @param room        the room (室)
 * @param remainder   what could not be placed in any component, "" when nothing
 */
public record ParsedAddress(String subdistrict, String community, String road, String houseNumber, String estate,
                            String building, String unit, String floor, String room, String remainder) {

    /** Whether the address names a place by road and house number. */
    public boolean hasRoadNumber() {
        return road != null && houseNumber != null;
    }

    /** The main part of the house number: "12" of "12-1". */
    public String mainHouseNumber() {
        if (houseNumber == null) {
            return null;
        }
        int dash = houseNumber.indexOf('-');
        return dash < 0 ? houseNumber : houseNumber.substring(0, dash);
    }
}
