-- What a bundle cannot carry, counted so the export can say what it left out.
SELECT (SELECT count(*) FROM grade_adjustments)::int AS grade_adjustments,
  (SELECT count(*) FROM evaluation_scheme_versions)::int AS scheme_versions
