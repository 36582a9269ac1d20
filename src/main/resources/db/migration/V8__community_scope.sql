-- Community scope (社区工作人员): a grid worker's scope may name whole communities beside single
-- grids. Such an account serves every grid of the community (its residents, its 社区通 questions
-- once they are escalated, its notices and bookings), however the planners redraw the grids.
CREATE TABLE app_user_community (
    user_id       integer NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    community_id  integer NOT NULL REFERENCES community (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, community_id)
);
CREATE INDEX app_user_community_community_idx ON app_user_community (community_id);
COMMENT ON TABLE app_user_community IS 'the communities a grid worker serves as a whole (community staff): every grid of each';
