-- The vacancy search (GET /api/vacancies) always filters on status and usually on area.
CREATE INDEX units_status_area_sqm_idx ON units (status, area_sqm);
