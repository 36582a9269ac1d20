-- Resident import and the review queue (issue 5, phase 2). An upload is an import job: checked
-- whole before it starts, geocoded in the background with its progress here, and written in one
-- transaction together with the job's summary. Rows that did not geocode with confidence wait in
-- the review queue (resident.review_status = 'review') until someone pins them.

CREATE TABLE resident_import (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      integer REFERENCES app_user (id),
    username     text NOT NULL CHECK (length(username) BETWEEN 1 AND 200),
    file_name    text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
    file_sha256  text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
    bytes        bigint NOT NULL CHECK (bytes >= 0),
    encoding     text NOT NULL,
    all_grids    boolean NOT NULL,
    grids        integer[] NOT NULL DEFAULT '{}',
    status       text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed')),
    phase        text NOT NULL DEFAULT 'queued' CHECK (phase IN ('queued', 'geocoding', 'writing', 'finished')),
    rows_total   integer NOT NULL CHECK (rows_total >= 0),
    rows_done    integer NOT NULL DEFAULT 0 CHECK (rows_done >= 0),
    summary      jsonb,
    error        text,
    started_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    finished_at  timestamptz,
    CHECK ((status = 'done') = (summary IS NOT NULL)),
    CHECK ((status = 'failed') = (error IS NOT NULL))
);
CREATE INDEX resident_import_user_idx ON resident_import (user_id, started_at);
CREATE INDEX resident_import_sha_idx ON resident_import (file_sha256) WHERE status = 'done';
COMMENT ON TABLE resident_import IS '居民导入 one upload of a resident register: who, which file (name, SHA-256, size), the grids it could '
    'write into (all_grids, or grids), progress while it runs, and its summary (rows per level, line numbers of the rows that '
    'need review or were skipped) — never a name, phone or ID';

ALTER TABLE resident
    ADD COLUMN import_id     bigint REFERENCES resident_import (id),
    ADD COLUMN import_line   integer CHECK (import_line >= 1),
    ADD COLUMN match_address text CHECK (length(match_address) <= 300),
    ADD COLUMN reviewed_by   text,
    ADD COLUMN reviewed_at   timestamptz;
CREATE INDEX resident_import_id_idx ON resident (import_id);
COMMENT ON COLUMN resident.match_address IS 'what the geocoder matched (a standard address, building, road, estate or area name); for a review, the guess';
COMMENT ON COLUMN resident.import_line IS 'the line of the imported file the record came from, to find it in the file again';
COMMENT ON COLUMN resident.reviewed_by IS 'who set the point by hand (review_status fixed, match_level manual)';
