package org.partymap.wish;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.partymap.http.ApiException;

/** What a wish asks for, as the wall groups it. */
public enum WishCategory {
    REPAIR("repair", "修理帮忙"),
    COMPANION("companion", "陪伴陪同"),
    ERRAND("errand", "代买代办"),
    GOODS("goods", "物品心愿"),
    STUDY("study", "学习辅导"),
    OTHER("other", "其他");

    private final String code;
    private final String label;

    WishCategory(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The category of a code, or a 400 that lists them. */
    public static WishCategory of(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst().orElseThrow(() -> ApiException.badParameter("category",
                "category must be one of " + Arrays.stream(values()).map(c -> c.code + " (" + c.label + ")").collect(Collectors.joining(", "))));
    }
}
