-- The planner workspace (issue 7): grid edits saved as change sets.
--
-- A save (moving street blocks, a split, a merge, a redraw, an accepted proposal, a revert, new
-- attributes) may touch several grids of one community at once. It is one row of grid_change —
-- what was done, why, by whom, when, and what moved (counts: no person in it) — and one
-- grid_version row per grid it touched, each pointing back at the change.

CREATE TABLE grid_change (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    community_id  integer NOT NULL REFERENCES community (id),
    operation     text NOT NULL CHECK (operation IN ('move_blocks', 'split', 'merge', 'redraw', 'reshape',
                                                     'attributes', 'proposal', 'revert')),
    reason        text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    changed_by    text NOT NULL,
    changed_at    timestamptz NOT NULL DEFAULT now(),
    summary       jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(summary) = 'object')
);
CREATE INDEX grid_change_community_idx ON grid_change (community_id, changed_at);
COMMENT ON TABLE grid_change IS 'one saved planner edit: the grids it touched are the grid_version rows with this change_id. '
    'summary holds counts of what changed grid (addresses, households, buildings, residents, party groups, stations), never a person.';

ALTER TABLE grid_version ADD COLUMN change_id bigint REFERENCES grid_change (id);
CREATE INDEX grid_version_change_idx ON grid_version (change_id);
-- the codes a community has ever used, retired grids' included: a new grid never takes one again
CREATE INDEX grid_version_code_idx ON grid_version (grid_code);
COMMENT ON COLUMN grid_version.change_id IS 'the planner edit (grid_change) that made this version; null for imports and the demo';

ALTER TABLE grid_version DROP CONSTRAINT grid_version_operation_check;
ALTER TABLE grid_version ADD CONSTRAINT grid_version_operation_check
    CHECK (operation IN ('create', 'import', 'edit', 'split', 'merge', 'move_blocks', 'generate', 'revert', 'retire',
                         'redraw', 'reshape', 'attributes', 'proposal'));
COMMENT ON COLUMN grid_version.operation IS 'what made the version: import, generate (demo), create (a new grid of a split or proposal), '
    'move_blocks, split, merge, redraw (vertices moved), reshape (a boundary drawn anew), attributes, proposal, revert, '
    'retire (merged away or emptied: the grid row is gone, its code is never used again)';

-- A save reassigns the residents without a point of their own by their address. Without this
-- index the planner answered "geom IS NULL" in that query by scanning the whole GiST index of
-- resident points (50 ms with 100,000 residents, on every preview and save).
CREATE INDEX resident_address_idx ON resident (address_id) WHERE geom IS NULL;
