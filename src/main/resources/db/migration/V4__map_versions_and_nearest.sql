-- The resident map (issue 6).
--
-- layer_version: a counter per public layer, raised by every statement that changes the layer.
-- The server polls it to know when to rebuild what it holds in memory (the walking network is
-- built from the streets) and to answer basemap requests with an ETag without asking the tables.
-- Statement-level triggers: an import of thousands of rows raises the counter once.
CREATE TABLE layer_version (
    layer       text PRIMARY KEY,
    version     bigint NOT NULL DEFAULT 1,
    changed_at  timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE layer_version IS 'a change counter per public layer (named after its table), raised by a statement trigger on that table';

INSERT INTO layer_version (layer)
VALUES ('subdistrict'), ('community'), ('grid'), ('street'), ('estate'), ('building'), ('station');

CREATE FUNCTION bump_layer_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE layer_version SET version = version + 1, changed_at = now() WHERE layer = TG_TABLE_NAME;
    RETURN NULL;
END
$$;

-- one trigger per counted layer, named <layer>_layer_version
DO $$
DECLARE
    counted text;
BEGIN
    FOR counted IN SELECT layer FROM layer_version LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION bump_layer_version()', counted || '_layer_version', counted);
    END LOOP;
END
$$;

-- Nearest stations in metres: KNN over geography (ORDER BY geom::geography <-> point::geography)
-- is answered from this index. KNN over the plain geometry index would order by degrees, which
-- at Yancheng's latitude stretch east-west distances by a sixth against north-south ones.
CREATE INDEX station_geog_idx ON station USING gist ((geom::geography));
