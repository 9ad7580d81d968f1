-- Reports at speed, "waiting now" (issue #24): the open customer chats whose newest message is
-- the customer's, by number and assignee, with the newest message's time for "oldest waiting",
-- read from an index that holds only them instead of walking every open chat and looking each
-- one up (services/reports/report-queries.ts). A chat enters on a customer message after our
-- reply and leaves on our next one; the columns of its condition are in it so it is covering.
CREATE INDEX `chats_waiting_idx` ON `chats` (`session_id`, `assignee_user_id`, `assignee_team_id`, `last_message_at`, `status`, `kind`, `last_message_from_me`) WHERE "chats"."status" = 'open' AND "chats"."kind" = 'user' AND "chats"."last_message_from_me" = 0 AND "chats"."last_message_at" IS NOT NULL;
--> statement-breakpoint
-- Reports at speed, the message counts summed over chats (services/reports/count-rollups.ts),
-- kept by the background fold with the per-chat counts of migration 0032 (never by a message
-- write): per UTC day by number, kind, writer and assignee, so a period's totals per number,
-- person and team read a few rows a day (the chats' quarters only at the period's two edges);
-- and per quarter hour by number, direction and assignee, for the trend and the heat map.
-- '' is "nobody", as in `report_message_counts`.
CREATE TABLE `report_day_counts` (
	`day` integer NOT NULL,
	`session_id` text NOT NULL,
	`kind` text NOT NULL,
	`sender_user_id` text NOT NULL,
	`assignee_user_id` text NOT NULL,
	`assignee_team_id` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`day`, `session_id`, `kind`, `sender_user_id`, `assignee_user_id`, `assignee_team_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `report_quarter_totals` (
	`quarter` integer NOT NULL,
	`incoming` integer NOT NULL,
	`session_id` text NOT NULL,
	`assignee_user_id` text NOT NULL,
	`assignee_team_id` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`quarter`, `incoming`, `session_id`, `assignee_user_id`, `assignee_team_id`)
) WITHOUT ROWID;
--> statement-breakpoint
-- The backfill: the sums of the counts kept so far (a quarter's day is quarter / 96).
INSERT INTO report_day_counts (day, session_id, kind, sender_user_id, assignee_user_id, assignee_team_id, n)
  SELECT quarter / 96, session_id, kind, sender_user_id, assignee_user_id, assignee_team_id, sum(n)
    FROM report_message_counts GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
INSERT INTO report_quarter_totals (quarter, incoming, session_id, assignee_user_id, assignee_team_id, n)
  SELECT quarter, kind = 'customer', session_id, assignee_user_id, assignee_team_id, sum(n)
    FROM report_message_counts GROUP BY 1, 2, 3, 4, 5;
