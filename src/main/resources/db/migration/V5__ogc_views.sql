-- The public layers of OGC API - Features (/ogc), one view per source in the schema "ogc".
-- src/main/resources/ogc/collections.yaml names the collections built on these views and the
-- properties each one publishes; the server reads nothing else for /ogc. Every view shows only
-- what is public: no view reads resident, member_household, party_group.leader_name or any account
-- table, so nothing private can leak through a query over this schema.
--
-- Joins to parents are LEFT JOINs on foreign keys that are NOT NULL (or may be null by design):
-- the result is the same as an inner join, and PostgreSQL drops a join whose columns a query does
-- not use, so counting or paging by id does not pay for the names of parents.
-- Every view has an integer id (the feature id) and a geometry column geom in SRID 4326.

CREATE SCHEMA ogc;
COMMENT ON SCHEMA ogc IS 'public views behind OGC API - Features (/ogc); see src/main/resources/ogc/collections.yaml';

CREATE VIEW ogc.subdistricts AS
SELECT s.id, s.code, s.name,
       (SELECT count(*) FROM community c WHERE c.subdistrict_id = s.id)::integer AS communities,
       s.updated_at, s.geom
  FROM subdistrict s;

CREATE VIEW ogc.communities AS
SELECT c.id, c.code, c.name, c.subdistrict_id, s.name AS subdistrict,
       (SELECT count(*) FROM grid g WHERE g.community_id = c.id)::integer AS grids,
       c.updated_at, c.geom
  FROM community c
  LEFT JOIN subdistrict s ON s.id = c.subdistrict_id;

-- A grid's leader and contacts are public by design: they are printed on the grid's service card
-- (便民卡) and shown by /api/locate. Households are counted from the gazetteer, not from residents.
CREATE VIEW ogc.grids AS
SELECT g.id, g.code, g.name, g.kind, g.dedicated_to, g.branch_name, g.leader_name, g.leader_phone,
       g.contacts, g.duties, g.community_id, c.name AS community, c.subdistrict_id, s.name AS subdistrict,
       g.station_id, st.name AS station,
       (SELECT coalesce(sum(a.households), 0) FROM address a WHERE a.grid_id = g.id)::integer AS households,
       g.version, g.updated_at, g.geom
  FROM grid g
  LEFT JOIN community c ON c.id = g.community_id
  LEFT JOIN subdistrict s ON s.id = c.subdistrict_id
  LEFT JOIN station st ON st.id = g.station_id;

-- Every saved state of every grid, valid from its save until the next save of the same grid (or
-- still valid: valid_to is null). Who saved it and why stay out: those are staff records.
CREATE VIEW ogc.grid_history AS
SELECT v.id::integer AS id, v.grid_id, v.grid_code AS code, v.attributes ->> 'name' AS name,
       v.attributes ->> 'branch_name' AS branch_name, v.version, v.operation,
       v.changed_at AS valid_from,
       (SELECT min(n.changed_at) FROM grid_version n
         WHERE n.grid_id = v.grid_id AND n.version > v.version) AS valid_to,
       v.geom
  FROM grid_version v
 WHERE v.geom IS NOT NULL AND v.operation <> 'retire';

-- A party group's area is the union of the buildings it covers; its leader is not public.
CREATE VIEW ogc.party_groups AS
SELECT p.id, p.name, p.grid_id, g.code AS grid_code, g.name AS grid, g.branch_name, p.members,
       (SELECT count(*) FROM building b WHERE b.party_group_id = p.id)::integer AS buildings,
       (SELECT ST_Multi(ST_Union(b.geom)) FROM building b WHERE b.party_group_id = p.id) AS geom
  FROM party_group p
  LEFT JOIN grid g ON g.id = p.grid_id;

CREATE VIEW ogc.stations AS
SELECT st.id, st.kind,
       CASE st.kind WHEN 'service_centre' THEN '党群服务中心' WHEN 'grid_station' THEN '网格驿站'
                    WHEN 'activity_room' THEN '党员活动室' WHEN 'reading_room' THEN '图书室' END AS kind_name,
       st.name, st.address, st.hours, st.phone, st.services,
       st.community_id, c.name AS community, st.grid_id, g.name AS grid, st.geom
  FROM station st
  LEFT JOIN community c ON c.id = st.community_id
  LEFT JOIN grid g ON g.id = st.grid_id;

CREATE VIEW ogc.streets AS
SELECT id, name, class, left_from, left_to, right_from, right_to, geom
  FROM street;

CREATE VIEW ogc.estates AS
SELECT e.id, e.name, e.kind, e.aliases, e.community_id, c.name AS community, e.geom
  FROM estate e
  LEFT JOIN community c ON c.id = e.community_id;

CREATE VIEW ogc.buildings AS
SELECT b.id, b.name, b.number, b.kind, b.floors, b.units, b.estate_id, e.name AS estate,
       b.grid_id, b.party_group_id, b.geom
  FROM building b
  LEFT JOIN estate e ON e.id = b.estate_id;

-- The gazetteer of standard addresses (门牌) is public; who lives behind a door is not.
CREATE VIEW ogc.addresses AS
SELECT a.id, a.full_address, a.road, a.house_number, a.unit, a.households,
       a.estate_id, e.name AS estate, a.building_id, b.name AS building, a.street_id,
       a.grid_id, g.name AS grid, a.geom
  FROM address a
  LEFT JOIN estate e ON e.id = a.estate_id
  LEFT JOIN building b ON b.id = a.building_id
  LEFT JOIN grid g ON g.id = a.grid_id;
