package org.partymap.consult;

import java.time.Duration;
import java.time.Instant;
import org.partymap.servicetime.OpeningHours;

/**
 * A question's clock as the resident and the workers see it: it starts when the question is asked,
 * or at the next opening of the service hours when it is asked out of hours; it counts only
 * service time; the first answer stops it.
 *
 * @param startedOutOfHours   the question came in while the service was closed
 * @param serviceSeconds      service time from the clock's start to the first answer, or to now
 * @param targetSeconds       the answer target in service time
 * @param running             unanswered and within service hours now: the page may tick it on
 * @param overdue             unanswered past the target, or answered later than it
 */
record QuestionClock(String start, String due, String escalate, boolean startedOutOfHours, long serviceSeconds,
                     long targetSeconds, boolean running, boolean overdue, String hours) {

    static QuestionClock of(QuestionRepository.Row q, OpeningHours hours, Instant now, Duration target) {
        boolean answered = q.firstAnswerAt() != null;
        long seconds = answered ? q.firstAnswerServiceSeconds()
                : now.isAfter(q.clockStart()) ? hours.elapsed(q.clockStart(), now).toSeconds() : 0;
        boolean overdue = answered ? seconds > target.toSeconds() : !now.isBefore(q.dueAt());
        return new QuestionClock(at(q.clockStart()), at(q.dueAt()), at(q.escalateAt()), q.clockStart().isAfter(q.askedAt()), seconds,
                target.toSeconds(), !answered && hours.isOpen(now), overdue, hours.text());
    }

    /** An instant as the API writes it: ISO 8601 in Shanghai time, such as 2026-12-07T09:00+08:00. */
    static String at(Instant t) {
        return t == null ? null : t.atZone(OpeningHours.ZONE).toOffsetDateTime().toString();
    }
}
