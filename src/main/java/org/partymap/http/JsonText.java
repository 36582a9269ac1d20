package org.partymap.http;

/**
 * JSON text in one spacing, the one Jackson writes ({@code {"k":v,"l":[1,2]}}): PostgreSQL's {@code json_build_object}
 * writes {@code "k" : v} and {@code json_agg} puts a space after its commas, so answers PostGIS writes would otherwise
 * differ from those Java writes. One pass over the characters, no parsing: whitespace outside strings is dropped.
 * The text is assumed to be JSON already (PostgreSQL or Jackson wrote it); it is not checked.
 */
public final class JsonText {

    private JsonText() {
    }

    /** {@code json} without whitespace between tokens; the same instance when it has none. */
    public static String compact(String json) {
        int n = json.length();
        int first = firstSpaceOutsideStrings(json);
        if (first < 0) {
            return json;
        }
        char[] text = new char[n];
        json.getChars(0, n, text, 0);
        int out = first;
        boolean inString = false;
        for (int i = first; i < n; i++) {
            char c = text[i];
            if (inString) {
                text[out++] = c;
                if (c == '\\') {
                    text[out++] = text[++i]; // an escaped character, a quote included
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                text[out++] = c;
            } else if (!isSpace(c)) {
                text[out++] = c;
            }
        }
        return new String(text, 0, out);
    }

    private static int firstSpaceOutsideStrings(String json) {
        boolean inString = false;
        for (int i = 0, n = json.length(); i < n; i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (isSpace(c)) {
                return i;
            }
        }
        return -1;
    }

    /** JSON's insignificant white space (RFC 8259, section 2). */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }
}
