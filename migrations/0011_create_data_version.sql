-- One counter that every write to the data an evaluation reads moves on (statement triggers), so the
-- server can keep a year's evaluation between requests and know, with one cheap read, when it is stale.
CREATE TABLE data_version (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  version bigint NOT NULL
);
INSERT INTO data_version (only_row, version) VALUES (true, 1);

CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE data_version SET version = version + 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER regions_bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON regions FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER parks_bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON parks FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER parcels_bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON parcels FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER buildings_bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON buildings FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER enterprises_bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON enterprises FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER units_bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON units FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER land_rights_bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON land_rights FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER indicators_bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON indicators FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER evaluation_schemes_bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON evaluation_schemes FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER grade_adjustments_bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON grade_adjustments FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
