-- 微心愿 micro-wishes: a grid worker posts a resident's small wish (换灯泡, 陪同就医 …) for the
-- grid; the public wish wall of the community shows it without any personal data; a party member
-- (an account of the new role party_member, linked to a 楼栋党小组) or a resident who leaves a name
-- and phone claims it, once; the worker marks it fulfilled, with a thank-you note on the wall.

ALTER TABLE app_user DROP CONSTRAINT app_user_role_check;
ALTER TABLE app_user ADD CONSTRAINT app_user_role_check CHECK (role IN ('admin', 'planner', 'grid_worker', 'party_member'));
COMMENT ON TABLE app_user IS 'accounts: admin, planner (scope: subdistricts), grid_worker (scope: grids or communities), '
    'party_member (scope: the party groups the member belongs to). The public needs none.';

CREATE TABLE app_user_party_group (
    user_id         integer NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    party_group_id  integer NOT NULL REFERENCES party_group (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, party_group_id)
);
COMMENT ON TABLE app_user_party_group IS 'the 楼栋党小组 a party member belongs to: shown on the wall with what the member claimed';

CREATE TABLE wish (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    grid_id            integer NOT NULL REFERENCES grid (id),
    resident_id        bigint REFERENCES resident (id) ON DELETE SET NULL,
    question_id        bigint REFERENCES question (id) ON DELETE SET NULL,
    title              text NOT NULL CHECK (length(title) BETWEEN 2 AND 60),
    category           text NOT NULL CHECK (category IN ('repair', 'companion', 'errand', 'goods', 'study', 'other')),
    situation          text CHECK (length(situation) <= 300),
    due_on             date NOT NULL,
    status             text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'claimed', 'fulfilled', 'withdrawn')),
    posted_by          integer REFERENCES app_user (id) ON DELETE SET NULL,
    posted_at          timestamptz NOT NULL,
    claimed_at         timestamptz,
    claimant_user_id   integer REFERENCES app_user (id) ON DELETE SET NULL,
    claimant_party_group_id integer REFERENCES party_group (id) ON DELETE SET NULL,
    claimant_name      text CHECK (length(claimant_name) BETWEEN 1 AND 32),
    claimant_phone     text CHECK (claimant_phone ~ '^[0-9-]{7,16}$'),
    claim_confirmed    boolean,
    fulfilled_at       timestamptz,
    thanks             text CHECK (length(thanks) <= 200),
    withdrawn_at       timestamptz,
    updated_at         timestamptz NOT NULL,
    CHECK (due_on >= (posted_at AT TIME ZONE 'Asia/Shanghai')::date),
    CHECK ((status = 'open') = (claimed_at IS NULL) OR status = 'withdrawn'),
    CHECK (claimed_at IS NULL OR claimed_at >= posted_at),
    CHECK (claimed_at IS NULL OR claim_confirmed IS NOT NULL AND (claimant_user_id IS NOT NULL OR claimant_name IS NOT NULL)),
    CHECK ((status = 'fulfilled') = (fulfilled_at IS NOT NULL)),
    CHECK (fulfilled_at IS NULL OR fulfilled_at >= claimed_at AND claim_confirmed),
    CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL))
);
CREATE INDEX wish_grid_idx ON wish (grid_id, posted_at DESC);
CREATE INDEX wish_resident_idx ON wish (resident_id);
CREATE INDEX wish_claimant_idx ON wish (claimant_user_id);
COMMENT ON TABLE wish IS '微心愿 a resident''s small wish, posted by a grid worker for a grid. Public on the community''s wish wall: '
    'title, category, situation, due_on, status, the grid and the thanks; never resident_id, the claimant''s name or phone.';
COMMENT ON COLUMN wish.resident_id IS 'whose wish it is: private, seen only by the grid''s workers; the wall never shows it';
COMMENT ON COLUMN wish.situation IS 'the resident''s situation as the worker writes it for the public (no name, no address finer than the grid: checked on write)';
COMMENT ON COLUMN wish.claimant_user_id IS 'the party member''s account that claimed it (claim_confirmed at once)';
COMMENT ON COLUMN wish.claimant_party_group_id IS 'the claiming party member''s 楼栋党小组 at the time of the claim: what the wall says (XX党小组党员)';
COMMENT ON COLUMN wish.claimant_name IS 'who claimed it by name (private): a resident with a phone, whom the grid worker confirms or releases, '
    'or a party member recorded without an account (with claimant_party_group_id, no phone)';
COMMENT ON COLUMN wish.withdrawn_at IS 'withdrawn (撤回) by the grid''s worker: gone from the wall, kept for the record';

-- the wall is rendered once per change: every statement on wish raises its counter
INSERT INTO layer_version (layer) VALUES ('wish');
CREATE TRIGGER wish_layer_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON wish
    FOR EACH STATEMENT EXECUTE FUNCTION bump_layer_version();
