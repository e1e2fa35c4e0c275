-- Every version of every evaluation scheme, kept when a scheme is written (PUT /api/schemes/:id or a
-- bundle's scheme.json): a grade can always be traced to the weights and benchmarks that produced it.
CREATE TABLE evaluation_scheme_versions (
  id text NOT NULL REFERENCES evaluation_schemes (id) ON DELETE CASCADE,
  version integer NOT NULL,
  body jsonb NOT NULL,
  saved_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, version)
);

INSERT INTO evaluation_scheme_versions (id, version, body, saved_at)
SELECT id, version, body, updated_at FROM evaluation_schemes;

CREATE FUNCTION record_evaluation_scheme_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO evaluation_scheme_versions (id, version, body, saved_at)
  VALUES (NEW.id, NEW.version, NEW.body, NEW.updated_at)
  ON CONFLICT (id, version) DO UPDATE SET body = excluded.body, saved_at = excluded.saved_at;
  RETURN NEW;
END
$$;

CREATE TRIGGER evaluation_schemes_record_version
AFTER INSERT OR UPDATE ON evaluation_schemes
FOR EACH ROW EXECUTE FUNCTION record_evaluation_scheme_version();
