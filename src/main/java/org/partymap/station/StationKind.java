package org.partymap.station;

import java.util.Arrays;
import java.util.List;

/** The kinds of station, as stored in {@code station.kind}. */
public enum StationKind {
    SERVICE_CENTRE("service_centre", "党群服务中心"),
    GRID_STATION("grid_station", "网格驿站"),
    ACTIVITY_ROOM("activity_room", "党员活动室"),
    READING_ROOM("reading_room", "图书室");

    private final String code;
    private final String chinese;

    StationKind(String code, String chinese) {
        this.code = code;
        this.chinese = chinese;
    }

    public String code() {
        return code;
    }

    public String chinese() {
        return chinese;
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(StationKind::code).toList();
    }
}
