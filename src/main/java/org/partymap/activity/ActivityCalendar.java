package org.partymap.activity;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.StandardTime;
import biweekly.component.VEvent;
import biweekly.component.VTimezone;
import biweekly.io.TimezoneAssignment;
import biweekly.util.DateTimeComponents;
import biweekly.util.UtcOffset;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.partymap.activity.ActivityRepository.Activity;
import org.partymap.activity.ActivityRepository.Place;
import org.partymap.servicetime.OpeningHours;

/**
 * An iCalendar feed (RFC 5545) of public activities, written by biweekly: one VEVENT per activity
 * with its RRULE kept as a rule (phones expand it), times in TZID=Asia/Shanghai with the VTIMEZONE
 * that defines it, and a UID that stays the same for the activity across every feed and change.
 */
final class ActivityCalendar {

    static final String MEDIA_TYPE = "text/calendar; charset=utf-8";
    private static final TimeZone SHANGHAI = TimeZone.getTimeZone(OpeningHours.ZONE);

    private ActivityCalendar() {
    }

    /**
     * The feed named {@code name}; {@code uidDomain} is the public host (or {@code partymap}) and
     * {@code base} the public address the events' links start with.
     */
    static byte[] write(String name, List<Activity> activities, Map<Integer, Place> places, String uidDomain, String base) {
        var ical = new ICalendar();
        ical.setProductId("-//partymap//activities 1.0//ZH");
        ical.addName(name);
        ical.setExperimentalProperty("X-WR-CALNAME", name);
        ical.setExperimentalProperty("X-WR-TIMEZONE", OpeningHours.ZONE.getId());
        ical.getTimezoneInfo().setDefaultTimezone(new TimezoneAssignment(SHANGHAI, shanghai()));
        for (Activity a : activities) {
            Place p = places.get(a.stationId());
            var e = new VEvent();
            e.setUid(uid(a.id(), uidDomain));
            e.setDateTimeStamp(Date.from(a.updatedAt()));
            e.setLastModified(Date.from(a.updatedAt()));
            e.setDateStart(Date.from(a.start()));
            e.setDateEnd(Date.from(a.end()));
            e.setSummary(a.title());
            e.addCategories(a.kind().label());
            if (a.description() != null) {
                e.setDescription(a.description());
            }
            if (p != null) {
                e.setLocation(p.address() == null ? p.name() : p.name() + "（" + p.address() + "）");
                e.setUrl(base + "/activity.html?station=" + p.id());
            }
            Recurrence rule = Recurrence.stored(a.rrule(), a.start());
            if (rule != null) {
                e.setRecurrenceRule(rule.rule());
            }
            ical.addEvent(e);
        }
        return fold(Biweekly.write(ical).foldLines(false).go()).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Folds content lines at 75 octets of UTF-8 (RFC 5545 §3.1), never inside a character, each
     * continuation starting with a space. biweekly folds at 75 characters, which for Chinese text
     * is up to 225 octets: longer than strict parsers (and the RFC) allow.
     */
    static String fold(String unfolded) {
        var out = new StringBuilder(unfolded.length() + unfolded.length() / 20);
        for (String line : unfolded.split("\r\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int cp = line.codePointAt(i);
                int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                if (octets + size > 75) {
                    out.append("\r\n ");
                    octets = 1;
                }
                out.appendCodePoint(cp);
                octets += size;
                i += Character.charCount(cp);
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    static String uid(long activityId, String domain) {
        return "activity-" + activityId + "@" + domain;
    }

    /** Asia/Shanghai: UTC+8 without daylight saving since 1991, so one STANDARD observance holds for every date we write. */
    private static VTimezone shanghai() {
        var zone = new VTimezone(OpeningHours.ZONE.getId());
        var standard = new StandardTime();
        standard.setDateStart(new DateTimeComponents(1970, 1, 1, 0, 0, 0, false));
        standard.setTimezoneOffsetFrom(new UtcOffset(true, 8, 0));
        standard.setTimezoneOffsetTo(new UtcOffset(true, 8, 0));
        standard.addTimezoneName("CST");
        zone.addStandardTime(standard);
        return zone;
    }
}
