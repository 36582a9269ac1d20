package org.partymap.consult;

import java.util.List;
import org.partymap.resident.PhoneMask;

/** The JSON shapes of questions: the resident's own view, a line of the inbox, and the worker's whole view. */
final class QuestionViews {

    private static final int EXCERPT = 80;

    private QuestionViews() {
    }

    record GridRef(int id, String code, String name, String community, String leaderName) {
        static GridRef of(QuestionRepository.Row q) {
            return new GridRef(q.gridId(), q.gridCode(), q.gridName(), q.communityName(), q.leaderName());
        }
    }

    /** A step as the resident sees it: {@code from} resident, staff or system. */
    record Message(String at, String kind, String from, String author, String text) {
    }

    /** What the private link shows: no other person's data but the answering workers' names. */
    record Mine(long id, String status, String topic, String text, String askedAt, boolean placeUncertain, String placeText,
                Boolean solved, GridRef grid, QuestionClock clock, List<Message> messages) {
    }

    /** A line of the inbox: the phone masked, the text cut short. */
    record InboxItem(long id, String status, String topic, String excerpt, String phoneMasked, String askedAt,
                     String updatedAt, boolean answeredBefore, int escalation, boolean placeUncertain, GridRef grid,
                     QuestionClock clock) {
    }

    /** The whole question for a worker who may read it. */
    record Full(long id, String status, String topic, String text, String phone, String askedAt, String updatedAt,
                int escalation, boolean placeUncertain, String placeText, Double lon, Double lat, Boolean solved,
                GridRef grid, QuestionClock clock, List<Step> events) {
    }

    /** A step of the history as workers see it: who, when, and what was said or where it went. */
    record Step(String at, String kind, String author, String text, Integer escalation, String fromGrid, String toGrid) {
        static Step of(QuestionRepository.Event e) {
            return new Step(QuestionClock.at(e.at()), e.kind(), e.author(), e.body(), e.escalation(), e.fromGrid(), e.toGrid());
        }
    }

    static Mine mine(QuestionRepository.Row q, QuestionClock clock, List<QuestionRepository.Event> events) {
        var messages = events.stream().map(e -> switch (e.kind()) {
            case "asked" -> new Message(QuestionClock.at(e.at()), e.kind(), "resident", null, q.body());
            case "follow_up", "solved", "not_solved" -> new Message(QuestionClock.at(e.at()), e.kind(), "resident", null, e.body());
            case "answer", "seen" -> new Message(QuestionClock.at(e.at()), e.kind(), "staff", e.author(), e.body());
            case "transfer" -> new Message(QuestionClock.at(e.at()), e.kind(), "system", null, "转至" + e.toGrid() + "：" + e.body());
            default -> new Message(QuestionClock.at(e.at()), e.kind(), "system", null, e.escalation() != null && e.escalation() >= 2 ? "已上报街道" : "已上报社区");
        }).toList();
        return new Mine(q.id(), q.status(), q.topic(), q.body(), QuestionClock.at(q.askedAt()), q.placeUncertain(), q.placeText(), q.solved(),
                GridRef.of(q), clock, messages);
    }

    static InboxItem item(QuestionRepository.Row q, QuestionClock clock) {
        String text = q.body();
        String excerpt = text.codePointCount(0, text.length()) <= EXCERPT ? text
                : text.substring(0, text.offsetByCodePoints(0, EXCERPT)) + "…";
        return new InboxItem(q.id(), q.status(), q.topic(), excerpt, PhoneMask.mask(q.phone()), QuestionClock.at(q.askedAt()), QuestionClock.at(q.updatedAt()),
                q.firstAnswerAt() != null, q.escalation(), q.placeUncertain(), GridRef.of(q), clock);
    }

    static Full full(QuestionRepository.Row q, QuestionClock clock, List<QuestionRepository.Event> events) {
        return new Full(q.id(), q.status(), q.topic(), q.body(), q.phone(), QuestionClock.at(q.askedAt()), QuestionClock.at(q.updatedAt()), q.escalation(),
                q.placeUncertain(), q.placeText(), q.lon(), q.lat(), q.solved(), GridRef.of(q), clock, events.stream().map(Step::of).toList());
    }
}
