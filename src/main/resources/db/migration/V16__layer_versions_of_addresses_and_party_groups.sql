-- Public answers are kept as bytes per layer version (http/KeptAnswers): every table they read
-- needs a counter. /api/grids counts households from addresses, and the OGC party groups read
-- party_group: both get one, raised by the same statement trigger as the other layers.
INSERT INTO layer_version (layer) VALUES ('address'), ('party_group');
CREATE TRIGGER address_layer_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON address
    FOR EACH STATEMENT EXECUTE FUNCTION bump_layer_version();
CREATE TRIGGER party_group_layer_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON party_group
    FOR EACH STATEMENT EXECUTE FUNCTION bump_layer_version();

-- A party group's shape is the union of its buildings. The OGC view computed it at every read
-- (0.5 s for the catalogue's extent over 1,030 groups); it is stored now, kept in step by the
-- triggers below whichever writer moves a building (import, demo, planner), with its own index.
ALTER TABLE party_group ADD COLUMN geom geometry(MultiPolygon, 4326);
CREATE INDEX party_group_geom_idx ON party_group USING gist (geom);
COMMENT ON COLUMN party_group.geom IS 'the union of its buildings (null while it covers none), kept by the building triggers';

CREATE FUNCTION party_group_shape(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF cardinality(ids) > 0 THEN
        UPDATE party_group p
           SET geom = (SELECT ST_Multi(ST_Union(b.geom)) FROM building b WHERE b.party_group_id = p.id)
         WHERE p.id = ANY (ids);
    END IF;
END
$$;

CREATE FUNCTION building_groups_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM party_group_shape(ARRAY(SELECT DISTINCT party_group_id FROM new_rows WHERE party_group_id IS NOT NULL));
    RETURN NULL;
END
$$;
CREATE FUNCTION building_groups_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM party_group_shape(ARRAY(
        SELECT n.party_group_id FROM new_rows n JOIN old_rows o ON o.id = n.id
         WHERE n.party_group_id IS DISTINCT FROM o.party_group_id OR NOT ST_Equals(n.geom, o.geom)
        UNION
        SELECT o.party_group_id FROM new_rows n JOIN old_rows o ON o.id = n.id
         WHERE n.party_group_id IS DISTINCT FROM o.party_group_id OR NOT ST_Equals(n.geom, o.geom)));
    RETURN NULL;
END
$$;
CREATE FUNCTION building_groups_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM party_group_shape(ARRAY(SELECT DISTINCT party_group_id FROM old_rows WHERE party_group_id IS NOT NULL));
    RETURN NULL;
END
$$;
CREATE FUNCTION building_groups_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE party_group SET geom = NULL WHERE geom IS NOT NULL;
    RETURN NULL;
END
$$;
CREATE TRIGGER building_groups_inserted AFTER INSERT ON building REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION building_groups_inserted();
CREATE TRIGGER building_groups_updated AFTER UPDATE ON building REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION building_groups_updated();
CREATE TRIGGER building_groups_deleted AFTER DELETE ON building REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION building_groups_deleted();
CREATE TRIGGER building_groups_truncated AFTER TRUNCATE ON building
    FOR EACH STATEMENT EXECUTE FUNCTION building_groups_truncated();

SELECT party_group_shape(ARRAY(SELECT id FROM party_group));

CREATE OR REPLACE VIEW ogc.party_groups AS
SELECT p.id, p.name, p.grid_id, g.code AS grid_code, g.name AS grid, g.branch_name, p.members,
       (SELECT count(*) FROM building b WHERE b.party_group_id = p.id)::integer AS buildings,
       p.geom::geometry AS geom
  FROM party_group p
  LEFT JOIN grid g ON g.id = p.grid_id;
