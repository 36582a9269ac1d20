package org.partymap.resident;

/**
 * Masks a phone number for lists, keeping what tells numbers apart at a glance: a mobile keeps
 * its first three and last four digits ({@code 100****5678}), a landline its area code and last
 * four ({@code 0515-****4567}); short numbers keep only their last two digits.
 */
public final class PhoneMask {

    private PhoneMask() {
    }

    public static String mask(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        int dash = phone.indexOf('-');
        if (dash >= 3 && dash <= 4 && phone.charAt(0) == '0' && phone.substring(0, dash).chars().allMatch(Character::isDigit)) {
            return phone.substring(0, dash + 1) + digits(phone.substring(dash + 1), 0, 4);
        }
        long n = phone.chars().filter(Character::isDigit).count();
        if (n >= 11) {
            return digits(phone, 3, 4);
        }
        return n >= 7 ? digits(phone, 0, 4) : digits(phone, 0, 2);
    }

    /** Replaces every digit but the first {@code head} and the last {@code tail} by '*'. */
    private static String digits(String text, int head, int tail) {
        long total = text.chars().filter(Character::isDigit).count();
        var out = new StringBuilder(text.length());
        int seen = 0;
        for (char ch : text.toCharArray()) {
            if (Character.isDigit(ch)) {
                out.append(seen < head || seen >= total - tail ? ch : '*');
                seen++;
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
