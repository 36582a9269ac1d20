package org.partymap.geocode;

/**
 * How alike two names are, 0–1: one minus the optimal-string-alignment edit distance (a swap of
 * two neighbours counts once) over the longer length. Names that differ only in a direction
 * character (东西南北中) are taken as less alike: 建军东路 and 建军西路, or 人民路 and 人民东路, are two
 * roads, not a typo.
 */
final class NameSimilarity {

    private static final String DIRECTIONS = "东西南北中";

    private NameSimilarity() {
    }

    static double of(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        int longer = Math.max(a.length(), b.length());
        if (longer == 0) {
            return 1;
        }
        double sim = 1 - (double) distance(a, b) / longer;
        if (withoutDirections(a).equals(withoutDirections(b))) {
            sim *= 0.7;
        }
        return Math.max(0, sim);
    }

    /** Optimal string alignment distance. */
    static int distance(String a, String b) {
        int n = a.length();
        int m = b.length();
        int[] prev2 = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }

    private static String withoutDirections(String s) {
        var out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (DIRECTIONS.indexOf(s.charAt(i)) < 0) {
                out.append(s.charAt(i));
            }
        }
        return out.toString();
    }
}
