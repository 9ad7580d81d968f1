-- API completeness (issue #26). The call log across numbers (GET /calls) walks the calls of every
-- number in time order; the entries end with the row id, the cursor's tie-breaker.
CREATE INDEX `calls_at_idx` ON `calls` (`timestamp`);
