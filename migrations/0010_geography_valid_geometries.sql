-- Geography: the database itself refuses empty or invalid area geometries, so a bad import
-- fails (and rolls back) instead of storing an area no point can ever fall in.
ALTER TABLE districts ADD CONSTRAINT districts_geom_valid CHECK (NOT ST_IsEmpty(geom) AND ST_IsValid(geom));
ALTER TABLE neighbourhoods ADD CONSTRAINT neighbourhoods_geom_valid CHECK (NOT ST_IsEmpty(geom) AND ST_IsValid(geom));
CREATE INDEX neighbourhoods_district_idx ON neighbourhoods (district_code);
