package org.partymap.notice;

import java.util.Arrays;
import java.util.List;

/** What a notice is: the three columns of a community's notice board. */
public enum NoticeKind {
    NEWS("news", "社区动态"),
    ANNOUNCEMENT("announcement", "公告公示"),
    PARTY_AFFAIRS("party_affairs", "党务公开");

    /** The codes, as the API and the database write them. */
    public static final List<String> CODES = Arrays.stream(values()).map(NoticeKind::code).toList();

    private final String code;
    private final String label;

    NoticeKind(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    /** The Chinese name residents see on the badge. */
    public String label() {
        return label;
    }

    /** The kind of a code from {@link #CODES}. */
    public static NoticeKind of(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no notice kind " + code));
    }
}
