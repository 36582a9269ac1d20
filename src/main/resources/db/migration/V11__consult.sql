-- 社区通 在线咨询: a resident's question, routed to the grid that contains its place and answered
-- on a clock that runs in the community's service hours. Question text and phone numbers are
-- personal data: only the routed grid's workers, those it was escalated to and admins read them.

ALTER TABLE community ADD COLUMN service_hours text CHECK (length(service_hours) <= 200);
COMMENT ON COLUMN community.service_hours IS '社区通 service hours, in the text form of station hours (周一至周五 8:30-12:00 14:00-17:30); NULL: the default weekday hours';

CREATE TABLE question (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_hash        text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    grid_id           integer NOT NULL REFERENCES grid (id),
    topic             text NOT NULL CHECK (length(topic) BETWEEN 1 AND 32),
    body              text NOT NULL CHECK (length(body) BETWEEN 1 AND 1000),
    phone             text CHECK (phone ~ '^[0-9-]{7,16}$'),
    geom              geometry(Point, 4326),
    place_text        text CHECK (length(place_text) <= 200),
    place_uncertain   boolean NOT NULL DEFAULT false,
    status            text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'answered', 'solved')),
    asked_at          timestamptz NOT NULL,
    clock_start       timestamptz NOT NULL CHECK (clock_start >= asked_at),
    due_at            timestamptz NOT NULL CHECK (due_at >= clock_start),
    escalate_at       timestamptz NOT NULL CHECK (escalate_at >= due_at),
    escalation        smallint NOT NULL DEFAULT 0 CHECK (escalation BETWEEN 0 AND 2),
    first_answer_at   timestamptz CHECK (first_answer_at >= asked_at),
    first_answer_service_seconds integer CHECK (first_answer_service_seconds >= 0),
    solved            boolean,
    updated_at        timestamptz NOT NULL,
    CHECK ((first_answer_at IS NULL) = (first_answer_service_seconds IS NULL)),
    CHECK (status <> 'answered' OR first_answer_at IS NOT NULL)
);
CREATE INDEX question_grid_idx ON question (grid_id, asked_at);
CREATE INDEX question_open_idx ON question (due_at) WHERE first_answer_at IS NULL AND escalation < 2;
CREATE INDEX question_asked_idx ON question (asked_at);
CREATE INDEX question_geom_idx ON question USING gist (geom);
COMMENT ON TABLE question IS '社区通 questions from residents without an account. token_hash: SHA-256 of the private follow-up link''s token. '
    'clock_start: asked_at, or the next opening when asked out of service hours. due_at: clock_start + the answer target in service time; '
    'escalate_at: + the second limit. escalation 0 the grid, 1 the community (past due_at unanswered), 2 the subdistrict (past escalate_at).';
COMMENT ON COLUMN question.place_uncertain IS 'the place was a typed address geocoded below confidence: routed to the best guess''s grid';

CREATE TABLE question_event (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    question_id  bigint NOT NULL REFERENCES question (id) ON DELETE CASCADE,
    at           timestamptz NOT NULL,
    kind         text NOT NULL CHECK (kind IN ('asked', 'seen', 'answer', 'follow_up', 'transfer', 'escalated', 'solved', 'not_solved')),
    user_id      integer REFERENCES app_user (id) ON DELETE SET NULL,
    author       text CHECK (length(author) <= 64),
    body         text CHECK (length(body) <= 2000),
    from_grid_id integer,
    to_grid_id   integer,
    escalation   smallint,
    CHECK (kind NOT IN ('answer', 'follow_up') OR body IS NOT NULL),
    CHECK (kind <> 'transfer' OR (from_grid_id IS NOT NULL AND to_grid_id IS NOT NULL AND body IS NOT NULL))
);
CREATE INDEX question_event_question_idx ON question_event (question_id, at, id);
CREATE UNIQUE INDEX question_event_seen_once_idx ON question_event (question_id, user_id) WHERE kind = 'seen';
COMMENT ON TABLE question_event IS 'every step of a question: asked, seen (once per account), answers and the resident''s follow-ups, '
    'transfers with their reason, escalations, and the resident''s solved / not solved. Never updated.';
