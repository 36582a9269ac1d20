package org.partymap.demo;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Fictitious people: names drawn from common surnames and the given-name characters of each
 * generation, and contact details that cannot be anyone's (see CONTRACTS.md): mobile-style numbers
 * beginning with 100, landline-style numbers whose local part begins with 0, and resident ID
 * numbers of region 320902 with a deliberately wrong check digit.
 */
final class People {

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private final String[] surnames;
    private final double[] cumulative;
    private final Map<String, List<String>> given = new LinkedHashMap<>();

    People(DemoInputs inputs) {
        var rows = inputs.rows("surnames.csv");
        surnames = new String[rows.size()];
        cumulative = new double[rows.size()];
        double sum = 0;
        for (int i = 0; i < rows.size(); i++) {
            surnames[i] = rows.get(i)[0];
            sum += Double.parseDouble(rows.get(i)[1]);
            cumulative[i] = sum;
        }
        for (String[] r : inputs.rows("given_names.csv")) {
            given.put(r[0] + r[1], DemoInputs.words(r[2]));
        }
    }

    String surname(SplittableRandom rnd) {
        double r = rnd.nextDouble(cumulative[cumulative.length - 1]);
        int i = Arrays.binarySearch(cumulative, r);
        return surnames[i >= 0 ? Math.min(i + 1, surnames.length - 1) : -i - 1];
    }

    /** A full name for someone of this sex born in this year. */
    String name(SplittableRandom rnd, boolean male, int born) {
        return surname(rnd) + given(rnd, male, born);
    }

    /** A given name of one or two characters, in the fashion of the year of birth. */
    String given(SplittableRandom rnd, boolean male, int born) {
        String era = born < 1970 ? "old" : born < 1990 ? "mid" : "new";
        List<String> chars = given.get((male ? "男" : "女") + era);
        String first = chars.get(rnd.nextInt(chars.size()));
        if (rnd.nextDouble() < (era.equals("old") ? 0.35 : 0.2)) {
            return first;
        }
        String second = chars.get(rnd.nextInt(chars.size()));
        return first + (second.equals(first) && rnd.nextBoolean() ? chars.get(rnd.nextInt(chars.size())) : second);
    }

    /** An 11-digit mobile-style number beginning with 100: no such number is in use in China. */
    static String mobile(SplittableRandom rnd) {
        return "100" + digits(rnd, 8);
    }

    /** A Yancheng landline-style number whose local part begins with 0, which no real one does. */
    static String landline(SplittableRandom rnd) {
        return "0515-0" + digits(rnd, 7);
    }

    private static String digits(SplittableRandom rnd, int n) {
        var sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + rnd.nextInt(10)));
        }
        return sb.toString();
    }

    /**
     * An 18-character resident ID number of Tinghu (320902), with the birth date and a sequence
     * whose parity gives the sex as real ones do, and a check digit that is deliberately wrong.
     */
    static String idNumber(SplittableRandom rnd, int year, int month, int day, boolean male) {
        int seq = rnd.nextInt(0, 500) * 2 + (male ? 1 : 0);
        String body = String.format(Locale.ROOT, "320902%04d%02d%02d%03d", year, month, day, seq);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        // any offset from 1 to 10 misses the right check character
        return body + CHECK.charAt((sum + 1 + rnd.nextInt(10)) % 11);
    }

    /** Whether an ID number's check digit is right (none made here is). */
    static boolean validCheckDigit(String id) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11) == Character.toUpperCase(id.charAt(17));
    }
}
