package org.partymap.activity;

import java.util.Arrays;
import java.util.List;

/** What an activity is: an English slug in the API and the database, a Chinese label for residents. */
public enum ActivityKind {
    PARTY("party", "党建活动"),
    VOLUNTEER("volunteer", "志愿服务"),
    CULTURE("culture", "文体"),
    LECTURE("lecture", "讲座"),
    NEIGHBOURHOOD_FESTIVAL("neighbourhood_festival", "邻居节"),
    OPINION_MEETING("opinion_meeting", "民情分析会"),
    OTHER("other", "其他");

    public static final List<String> CODES = Arrays.stream(values()).map(ActivityKind::code).toList();

    private final String code;
    private final String label;

    ActivityKind(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static ActivityKind of(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no activity kind " + code));
    }
}
