-- Every year with at least one reported indicator, newest first. A skip scan over indicators_year_idx:
-- one index probe per year, not a pass over every firm's rows.
WITH RECURSIVE found AS (
  (SELECT year FROM indicators ORDER BY year DESC LIMIT 1)
  UNION ALL
  SELECT (SELECT i.year FROM indicators i WHERE i.year < found.year ORDER BY i.year DESC LIMIT 1)
  FROM found
  WHERE found.year IS NOT NULL
)
SELECT year FROM found WHERE year IS NOT NULL
