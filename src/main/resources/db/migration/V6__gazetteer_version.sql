-- The gazetteer's change counter. Geocoding holds the gazetteer (addresses, buildings, estates,
-- streets, communities, subdistricts, grids, stations) in memory; it reloads when this version
-- differs from the one it loaded, reading the version and the data in one snapshot.
--
-- Every committed change to those tables raises the version once per transaction. The raise is a
-- deferred constraint trigger, so it runs at commit: the row lock on the counter is held only
-- for the instant of the commit, and concurrent writers cannot deadlock on it.

CREATE TABLE gazetteer_version (
    singleton   boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    version     bigint NOT NULL DEFAULT 1,
    changed_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO gazetteer_version DEFAULT VALUES;
COMMENT ON TABLE gazetteer_version IS 'raised once by every transaction that changes a gazetteer table; geocoding reloads when it moves';

CREATE FUNCTION gazetteer_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('partymap.gazetteer_changed', true) IS DISTINCT FROM 'yes' THEN
        UPDATE gazetteer_version SET version = version + 1, changed_at = now();
        PERFORM set_config('partymap.gazetteer_changed', 'yes', true);
    END IF;
    RETURN NULL;
END
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['subdistrict', 'community', 'grid', 'street', 'estate', 'building', 'address', 'station'] LOOP
        EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I
                        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION gazetteer_changed()',
                       t || '_gazetteer_changed', t);
        EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION gazetteer_changed()',
                       t || '_gazetteer_truncated', t);
    END LOOP;
END
$$;
