-- 分类调档 belongs to the scheme version it was made under: a new version of a scheme re-grades every
-- firm, so an adjustment made under an earlier version no longer applies to it (it stays on record).
-- Adjustments made before this migration are taken to belong to their scheme's version of today.
ALTER TABLE grade_adjustments ADD COLUMN scheme_version integer;
UPDATE grade_adjustments a SET scheme_version = s.version FROM evaluation_schemes s WHERE s.id = a.scheme_id;
UPDATE grade_adjustments SET scheme_version = 1 WHERE scheme_version IS NULL;
ALTER TABLE grade_adjustments ALTER COLUMN scheme_version SET NOT NULL;
ALTER TABLE grade_adjustments ADD CONSTRAINT grade_adjustments_scheme_version_check CHECK (scheme_version >= 1);
DROP INDEX grade_adjustments_year_scheme_idx;
CREATE INDEX grade_adjustments_year_scheme_idx ON grade_adjustments (year, scheme_id, scheme_version, uscc);
