package org.partymap.notice;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.partymap.http.ApiException;
import org.partymap.http.JsonBody;
import org.partymap.http.PublicText;

/**
 * The members of a notice as staff send them, each checked as it is taken; a bad one is a 400
 * naming the field. Text is plain: the title and author one line, the body with newlines; web
 * addresses pass, markup and control characters do not ({@link PublicText#staff}).
 */
final class NoticeInput {

    static final int TITLE_MAX = 80;
    static final int BODY_MAX = 5000;
    static final int AUTHOR_MAX = 40;

    private NoticeInput() {
    }

    /** A member the request must have. */
    static <T> T required(Optional<T> value, String name) {
        return value.orElseThrow(() -> badField(name, name + " is required"));
    }

    static Optional<NoticeKind> kind(JsonBody body) {
        JsonNode v = body.node("kind").orElse(null);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isTextual() || !NoticeKind.CODES.contains(v.asText())) {
            throw badField("kind", "kind must be one of " + String.join(", ", NoticeKind.CODES));
        }
        return Optional.of(NoticeKind.of(v.asText()));
    }

    /**
     * A text member: plain text that may hold newlines (the body) and web addresses, but no markup
     * ({@link PublicText#staff}); titles and author names are one line.
     */
    static Optional<String> text(JsonBody body, String name, int maxLength) {
        JsonNode v = body.node(name).orElse(null);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw badField(name, name + " must be a string");
        }
        String text = PublicText.staff(name, v.asText(), maxLength);
        if (!name.equals("body") && text.chars().anyMatch(ch -> ch == '\n' || ch == '\r' || ch == '\t')) {
            throw badField(name, name + " must be one line");
        }
        if (text.codePoints().anyMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF || cp == 0xFFFE || cp == 0xFFFF)) {
            throw badField(name, name + " holds characters that are not text");
        }
        return Optional.of(text);
    }

    private static ApiException badField(String name, String detail) {
        return ApiException.badRequest("bad-field", detail).with("field", name);
    }
}
