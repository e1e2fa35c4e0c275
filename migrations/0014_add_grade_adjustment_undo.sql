-- Undoing a 分类调档 keeps it on record: who undid it, when (the server's clock) and, if given, why. An
-- undone adjustment no longer applies; the latest adjustment not undone gives the grade. An UPDATE of the
-- table moves data_version on (its statement trigger, migration 0011), so cached evaluations are redone.
ALTER TABLE grade_adjustments ADD COLUMN undone_at timestamptz;
ALTER TABLE grade_adjustments ADD COLUMN undone_by text;
ALTER TABLE grade_adjustments ADD COLUMN undo_reason text;
ALTER TABLE grade_adjustments ADD CONSTRAINT grade_adjustments_undone_check CHECK (
  (undone_at IS NULL AND undone_by IS NULL AND undo_reason IS NULL)
  OR (undone_at IS NOT NULL AND btrim(undone_by) <> '' AND (undo_reason IS NULL OR btrim(undo_reason) <> ''))
);
