-- The date a firm's status (停产 halted, 半停产 half halted, 关闭 closed) began: the low-yield rule
-- "停产或半停产 ≥ 1 年" (DOMAIN.md §4) needs it. Optional: a firm without it never fires that rule.
ALTER TABLE enterprises ADD COLUMN status_since date;
