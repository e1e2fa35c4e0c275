-- The prefecture-level city a county belongs to (GB/T 2260: the code of its first four digits and 00,
-- e.g. 610900 安康市), as the bundle's regions.geojson names it. Optional: the app names the city from it
-- ("安康市" in the header and the ranking's city row) and says 全市 when no county names one.
ALTER TABLE regions ADD COLUMN city_code text CHECK (city_code ~ '^[0-9]{6}$');
ALTER TABLE regions ADD COLUMN city_name text CHECK (city_name <> '');
