package org.partymap.io;

/** Whole numbers in Chinese characters, as in names (第十二网格) and as people write addresses (三号楼). */
public final class ChineseNumerals {

    private static final String DIGITS = "零一二三四五六七八九";

    private ChineseNumerals() {
    }

    /** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (0 < n < 10000). */
    public static String of(int n) {
        if (n <= 0 || n >= 10000) {
            throw new IllegalArgumentException("out of range: " + n);
        }
        String[] units = {"", "十", "百", "千"};
        var sb = new StringBuilder();
        String s = Integer.toString(n);
        boolean zero = false;
        for (int i = 0; i < s.length(); i++) {
            int digit = s.charAt(i) - '0';
            int place = s.length() - 1 - i;
            if (digit == 0) {
                zero = sb.length() > 0;
                continue;
            }
            if (zero) {
                sb.append('零');
                zero = false;
            }
            if (!(digit == 1 && place == 1 && sb.length() == 0)) {
                sb.append(DIGITS.charAt(digit));
            }
            sb.append(units[place]);
        }
        return sb.toString();
    }

    /** Digit by digit, as room numbers are read: 501 → 五零一. */
    public static String digits(String number) {
        var sb = new StringBuilder();
        for (char c : number.toCharArray()) {
            sb.append(c >= '0' && c <= '9' ? DIGITS.charAt(c - '0') : c);
        }
        return sb.toString();
    }
}
