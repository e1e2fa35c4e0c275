-- 分类调档 (DOMAIN.md §3): a person moves a graded firm to another grade for a year and scheme. Every
-- adjustment is kept with who, when and why; the latest one (by adjusted_at, then id) gives the grade.
CREATE TABLE grade_adjustments (
  id serial PRIMARY KEY,
  uscc text NOT NULL REFERENCES enterprises (uscc),
  year integer NOT NULL CHECK (year BETWEEN 1980 AND 2100),
  scheme_id text NOT NULL CHECK (scheme_id <> ''),
  grade text NOT NULL CHECK (grade <> ''),
  reason text NOT NULL CHECK (btrim(reason) <> ''),
  adjusted_by text NOT NULL CHECK (btrim(adjusted_by) <> ''),
  adjusted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX grade_adjustments_year_scheme_idx ON grade_adjustments (year, scheme_id, uscc);
