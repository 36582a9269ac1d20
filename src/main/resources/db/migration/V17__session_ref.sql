-- (V16 is taken by the public-read caching branch: layer versions of addresses and party groups.)
-- Sessions a person can see (issue 22): "my sessions" lists them and "end this one" names one.
-- session.id is the token's hash and must never leave the server, so each session gets a random
-- reference of its own to be listed and addressed by.
ALTER TABLE session ADD COLUMN ref uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE session ADD CONSTRAINT session_ref_key UNIQUE (ref);
COMMENT ON COLUMN session.ref IS 'a random reference for lists and "end this session"; unlike id it tells nothing about the token';
