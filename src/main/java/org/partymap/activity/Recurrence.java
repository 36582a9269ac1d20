package org.partymap.activity;

import biweekly.ICalDataType;
import biweekly.ICalVersion;
import biweekly.io.ParseContext;
import biweekly.io.scribe.property.RecurrenceRuleScribe;
import biweekly.parameter.ICalParameters;
import biweekly.property.RecurrenceRule;
import biweekly.util.Frequency;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.regex.Pattern;
import org.partymap.http.ApiException;
import org.partymap.servicetime.OpeningHours;

/**
 * An activity's recurrence: an RFC 5545 RRULE read and expanded by biweekly in Asia/Shanghai (a
 * weekly 19:00 stays 19:00). Only rules a calendar of a post needs are taken, and only ones that
 * end: FREQ WEEKLY or MONTHLY, with COUNT or UNTIL, yielding at most {@value #MAX_OCCURRENCES}
 * occurrences within {@link #MAX_SPAN} of the first. A bad rule is a 400 naming {@code rrule}.
 */
public final class Recurrence {

    public static final int MAX_OCCURRENCES = 60;
    public static final Duration MAX_SPAN = Duration.ofDays(366);
    private static final Set<String> PARTS = Set.of("FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYSETPOS", "WKST");
    private static final Pattern FORM = Pattern.compile("[A-Z]+=[A-Z0-9,+-]+(;[A-Z]+=[A-Z0-9,+-]+)*");
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Recurrence.class);
    private static final TimeZone SHANGHAI = TimeZone.getTimeZone(OpeningHours.ZONE);

    private final String text;
    private final biweekly.util.Recurrence rule;

    private Recurrence(String text, biweekly.util.Recurrence rule) {
        this.text = text;
        this.rule = rule;
    }

    /** The rule as stored and as the feeds write it, without the {@code RRULE:} prefix. */
    public String text() {
        return text;
    }

    public biweekly.util.Recurrence rule() {
        return rule;
    }

    /** Reads a rule as staff send it ({@code RRULE:} prefix optional) and checks its limits from {@code first}. */
    public static Recurrence parse(String typed, Instant first) {
        var recurrence = read(typed);
        var rule = recurrence.rule;
        if (rule.getCount() != null && (rule.getCount() < 1 || rule.getCount() > MAX_OCCURRENCES)) {
            throw bad("rrule's COUNT must be 1 to " + MAX_OCCURRENCES);
        }
        if (rule.getInterval() != null && (rule.getInterval() < 1 || rule.getInterval() > 12)) {
            throw bad("rrule's INTERVAL must be 1 to 12");
        }
        List<Instant> all = recurrence.expand(first, MAX_OCCURRENCES + 1);
        if (all.isEmpty()) {
            throw bad("rrule yields no occurrence from the start");
        }
        if (all.size() > MAX_OCCURRENCES) {
            throw bad("rrule yields more than " + MAX_OCCURRENCES + " occurrences; end it sooner");
        }
        if (all.get(all.size() - 1).isAfter(first.plus(MAX_SPAN))) {
            throw bad("rrule runs past a year from the start; end it within a year");
        }
        return recurrence;
    }

    /**
     * Reads a stored rule without the limits of {@link #parse}: a row written straight in SQL (the
     * demo's season) is shown as far as {@link #expand}'s limit reaches rather than failing every
     * read of its post. Null for null; a rule that cannot be read at all is a one-off, logged.
     */
    static Recurrence stored(String text, Instant first) {
        if (text == null) {
            return null;
        }
        try {
            return read(text);
        } catch (ApiException e) {
            log.warn("activity rule '{}' cannot be read ({}); shown as a one-off", text, e.getMessage());
            return null;
        }
    }

    /** The shape every rule must have: the parts allowed, weekly or monthly, and an end. */
    private static Recurrence read(String typed) {
        String text = typed.strip().toUpperCase(java.util.Locale.ROOT);
        if (text.startsWith("RRULE:")) {
            text = text.substring(6);
        }
        if (!FORM.matcher(text).matches()) {
            throw bad("rrule must be an RFC 5545 RRULE such as FREQ=WEEKLY;BYDAY=SA;COUNT=12");
        }
        for (String part : text.split(";")) {
            String name = part.substring(0, part.indexOf('='));
            if (!PARTS.contains(name)) {
                throw bad("rrule may use " + String.join(", ", PARTS.stream().sorted().toList()) + "; not " + name);
            }
        }
        biweekly.util.Recurrence rule;
        try {
            var context = new ParseContext();
            context.setVersion(ICalVersion.V2_0);
            RecurrenceRule property = new RecurrenceRuleScribe().parseText(text, ICalDataType.RECUR, new ICalParameters(), context);
            rule = property.getValue();
            if (!context.getWarnings().isEmpty()) {
                throw bad("rrule cannot be read: " + context.getWarnings().get(0).getMessage());
            }
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            throw bad("rrule cannot be read as an RFC 5545 RRULE: " + e.getMessage());
        }
        if (rule == null || rule.getFrequency() != Frequency.WEEKLY && rule.getFrequency() != Frequency.MONTHLY) {
            throw bad("rrule must repeat weekly or monthly (FREQ=WEEKLY or FREQ=MONTHLY)");
        }
        if (rule.getCount() == null && rule.getUntil() == null) {
            throw bad("rrule must end: give COUNT (at most " + MAX_OCCURRENCES + ") or UNTIL (within a year)");
        }
        return new Recurrence(text, rule);
    }

    /** The starts of the occurrences from {@code first}, in order, at most {@code limit}. */
    public List<Instant> expand(Instant first, int limit) {
        var starts = new ArrayList<Instant>();
        var it = rule.getDateIterator(Date.from(first), SHANGHAI);
        while (it.hasNext() && starts.size() < limit) {
            starts.add(it.next().toInstant());
        }
        return starts;
    }

    private static ApiException bad(String detail) {
        return ApiException.badRequest("bad-rrule", detail).with("field", "rrule");
    }
}
