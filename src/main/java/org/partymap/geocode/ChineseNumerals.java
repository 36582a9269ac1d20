package org.partymap.geocode;

/**
 * Chinese numerals (一, 十二, 二十一, 一百零八, 一〇二) as numbers. Two ways of writing a number are
 * read: positional, with 十 / 百 / 千 ("二十一" = 21, "一百零八" = 108), and digit by digit, as room
 * numbers are read out ("一〇二" = 102, "五零一" = 501).
 */
final class ChineseNumerals {

    private ChineseNumerals() {
    }

    /** Whether {@code ch} can be part of a Chinese numeral. */
    static boolean isNumeral(char ch) {
        return digit(ch) >= 0 || unit(ch) > 0;
    }

    /** The value of a run of numeral characters as decimal digits, or null when it is not a well-formed number. */
    static String toDigits(CharSequence run) {
        if (run.isEmpty()) {
            return null;
        }
        boolean positional = false;
        for (int i = 0; i < run.length(); i++) {
            if (unit(run.charAt(i)) > 0) {
                positional = true;
            } else if (digit(run.charAt(i)) < 0) {
                return null;
            }
        }
        if (!positional) {
            var out = new StringBuilder(run.length());
            for (int i = 0; i < run.length(); i++) {
                out.append((char) ('0' + digit(run.charAt(i))));
            }
            return out.toString();
        }
        return positional(run);
    }

    private static String positional(CharSequence run) {
        long total = 0;
        int current = -1;
        int lastUnit = Integer.MAX_VALUE;
        for (int i = 0; i < run.length(); i++) {
            char ch = run.charAt(i);
            int u = unit(ch);
            if (u > 0) {
                if (u >= lastUnit) {
                    return null; // "十十", "十百": not a number
                }
                total += (long) (current < 0 ? 1 : current) * u;
                current = -1;
                lastUnit = u;
            } else {
                int d = digit(ch);
                if (d == 0) {
                    continue; // 零 marks a skipped place: 一百零八
                }
                if (current >= 0) {
                    return null; // two digits in a row in positional form
                }
                current = d;
            }
        }
        if (current > 0) {
            total += current;
        }
        return Long.toString(total);
    }

    private static int digit(char ch) {
        return switch (ch) {
            case '零', '〇' -> 0;
            case '一', '壹' -> 1;
            case '二', '两', '贰' -> 2;
            case '三', '叁' -> 3;
            case '四', '肆' -> 4;
            case '五', '伍' -> 5;
            case '六', '陆' -> 6;
            case '七', '柒' -> 7;
            case '八', '捌' -> 8;
            case '九', '玖' -> 9;
            default -> -1;
        };
    }

    private static int unit(char ch) {
        return switch (ch) {
            case '十', '拾' -> 10;
            case '百', '佰' -> 100;
            case '千', '仟' -> 1000;
            default -> 0;
        };
    }
}
