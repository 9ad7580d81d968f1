-- A year's trend and heat map at speed (issue #24, docs/PERFORMANCE.md case 10): the message
-- counts per quarter hour of each UTC day, by number, assignee and the chat's tags now, one row
-- and one blob a day (services/reports/day-quarters.ts) — a year reads a few thousand rows instead
-- of ~200,000 rows of `report_quarter_totals`, and any zone's local days and hours (Kathmandu's
-- quarter hours too) come from the quarters. `counts` is 192 little-endian int32: the customers'
-- messages in quarters 0–95 of the day, then ours. Rebuilt with the day's other kept rows
-- (`report_dirty_days`); the fold marks every day whose counts changed.
CREATE TABLE `report_day_quarters` (
	`day` integer NOT NULL,
	`session_id` text NOT NULL,
	`assignee_user_id` text NOT NULL,
	`assignee_team_id` text NOT NULL,
	`tags` text NOT NULL,
	`counts` blob NOT NULL,
	PRIMARY KEY(`day`, `session_id`, `assignee_user_id`, `assignee_team_id`, `tags`)
) WITHOUT ROWID;
--> statement-breakpoint
-- Read by nothing any more (the tagged trend and heat map come from the rows above).
DROP TABLE `report_tagged_quarter_totals`;
--> statement-breakpoint
-- The backfill: every day with counts is rebuilt by the background fold (a report reads the
-- conversations one by one until few days are left, as after migration 0046).
INSERT OR IGNORE INTO report_dirty_days (day) SELECT DISTINCT day FROM report_day_counts;
