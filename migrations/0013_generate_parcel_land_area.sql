-- A parcel's land area is the area of its shape on the spheroid (m², geography), and nothing else: the
-- database now computes it as the row is written (a generated column) instead of every writer passing
-- ST_Area(geom::geography) along. An import can then COPY new parcels straight into the table (the area
-- cannot be an expression in COPY). The view that reads the column is dropped and made again as it was.
DROP VIEW enterprise_parks;
ALTER TABLE parcels DROP COLUMN land_area_sqm;
ALTER TABLE parcels ADD COLUMN land_area_sqm double precision NOT NULL GENERATED ALWAYS AS (ST_Area(geom::geography)) STORED;

-- Each enterprise's park: the one where it holds the most land (owned parcels count whole,
-- tenancies by leased floor area), ties broken by park code. (As in 0003.)
CREATE VIEW enterprise_parks AS
SELECT DISTINCT ON (h.uscc) h.uscc, p.park_code
FROM parcel_holdings h
JOIN parcels p ON p.code = h.parcel_code
GROUP BY h.uscc, p.park_code
ORDER BY h.uscc,
  sum(CASE WHEN h.role = 'owner' THEN p.land_area_sqm ELSE coalesce(h.leased_floor_area_sqm, 0) END) DESC,
  p.park_code;
