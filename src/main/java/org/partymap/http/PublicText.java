package org.partymap.http;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Text that a resident without an account sends (a question, a booking's purpose): stored and
 * shown as text, never as markup. Refused with a 400 that names the field: control characters,
 * links (a public form is a spammer's first target) and anything shaped like HTML or a script.
 * Chinese and the punctuation people type on a phone pass untouched; whitespace is trimmed.
 */
public final class PublicText {

    private static final Pattern LINK = Pattern.compile(
            "(?i)(https?:|ftp:|www\\.|javascript:|data:|\\b[a-z0-9-]+\\.(com|cn|net|org|top|xyz|info|io|cc|me|vip|shop|site)\\b)");
    private static final Pattern MARKUP = Pattern.compile("(?i)<\\s*/?\\s*[a-z!?]|&#?[a-z0-9]+;|\\bon[a-z]+\\s*=");

    private PublicText() {
    }

    /** The text of {@code field}, checked; {@code text} may be null only when the field is optional. */
    public static String check(String field, String text, int maxLength) {
        return check(field, text, maxLength, false);
    }

    /**
     * Text that staff publish under their community's name (a notice): the same rules, except that
     * web addresses pass, since a notice may point residents to a form or a document. Markup and
     * control characters are still refused: the text is shown as text everywhere, feeds included.
     */
    public static String staff(String field, String text, int maxLength) {
        return check(field, text, maxLength, true);
    }

    private static String check(String field, String text, int maxLength, boolean linksAllowed) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            throw ApiException.badParameter(field, "'" + field + "' is empty");
        }
        if (value.codePointCount(0, value.length()) > maxLength) {
            throw ApiException.badParameter(field, "'" + field + "' has more than " + maxLength + " characters");
        }
        if (value.codePoints().anyMatch(ch -> ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t' || ch == 0x7F || ch >= 0x80 && ch < 0xA0)) {
            throw ApiException.badParameter(field, "'" + field + "' holds control characters");
        }
        if (!linksAllowed && LINK.matcher(value).find()) {
            throw ApiException.badParameter(field, "'" + field + "' may not hold links or web addresses; describe it in words");
        }
        if (MARKUP.matcher(value).find()) {
            throw ApiException.badParameter(field, "'" + field + "' may not hold HTML or scripts; write plain text");
        }
        return value;
    }

    /** {@link #check} where the field may be left out or blank. */
    public static Optional<String> optional(String field, String text, int maxLength) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(check(field, text, maxLength));
    }
}
