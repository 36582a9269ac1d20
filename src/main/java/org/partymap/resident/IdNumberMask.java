package org.partymap.resident;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Masks a resident ID number (居民身份证号码) on its way in: the whole number is never stored.
 * What stays is what a grid worker needs to tell two people of the same name apart — the region
 * (the first six digits) and the sequence with the check character (the last four; the last three
 * of an old 15-digit number) — while the birth date, which with a name identifies a person, goes:
 * {@code 320902********123X}. The result always
 * satisfies {@code resident.id_masked}'s CHECK.
 */
public final class IdNumberMask {

    /** 18 characters (17 digits and a digit or X) or the old 15 digits. */
    private static final Pattern ID = Pattern.compile("[0-9]{17}[0-9Xx]|[0-9]{15}");

    private IdNumberMask() {
    }

    /** Whether the text is shaped like an ID number; the check digit is not verified (the demo's are wrong on purpose). */
    public static boolean isIdNumber(String text) {
        return text != null && ID.matcher(text).matches();
    }

    /** The masked form of an ID number; the caller checks {@link #isIdNumber} first. */
    public static String mask(String id) {
        if (!isIdNumber(id)) {
            throw new IllegalArgumentException("not an ID number");
        }
        int tail = id.length() == 18 ? 4 : 3; // the sequence (and check character), never a digit of the birth date
        return id.substring(0, 6) + "*".repeat(id.length() - 6 - tail) + id.substring(id.length() - tail).toUpperCase(Locale.ROOT);
    }
}
