-- Reports over a year at speed (issue #24, docs/PERFORMANCE.md case 10): what a report needs of
-- the period's conversations, kept per UTC day by number, assignee and the chat's tags now
-- (services/reports/conversation-days.ts), so a year reads a few thousand rows instead of every
-- conversation. Each row holds, per conversation event of that day, the event's quarter hour of
-- the day and its durations, wall clock and inside the number's business hours, as little-endian
-- float64 arrays: `opened` [quarter], `incoming` [quarter, first response ms or -1 (unanswered),
-- business ms], `resolved` [quarter, resolution ms, business ms]. '' is "nobody" / "no tags";
-- `tags` is the chat's tag ids in order, joined by char(31).
CREATE TABLE `report_conversation_days` (
	`day` integer NOT NULL,
	`session_id` text NOT NULL,
	`assignee_user_id` text NOT NULL,
	`assignee_team_id` text NOT NULL,
	`tags` text NOT NULL,
	`opened` blob NOT NULL,
	`incoming` blob NOT NULL,
	`resolved` blob NOT NULL,
	PRIMARY KEY(`day`, `session_id`, `assignee_user_id`, `assignee_team_id`, `tags`)
) WITHOUT ROWID;
--> statement-breakpoint
-- The message counts of tagged chats summed per UTC day (totals, per person, team, number, tag)
-- and per quarter hour (the trend and heat map of a tag filter), by the chat's tag set now, so a
-- tag filter and the per-tag rows read sums instead of joining every count row with `chat_tags`.
CREATE TABLE `report_tagged_day_counts` (
	`day` integer NOT NULL,
	`tags` text NOT NULL,
	`session_id` text NOT NULL,
	`kind` text NOT NULL,
	`sender_user_id` text NOT NULL,
	`assignee_user_id` text NOT NULL,
	`assignee_team_id` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`day`, `tags`, `session_id`, `kind`, `sender_user_id`, `assignee_user_id`, `assignee_team_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `report_tagged_quarter_totals` (
	`quarter` integer NOT NULL,
	`tags` text NOT NULL,
	`incoming` integer NOT NULL,
	`session_id` text NOT NULL,
	`assignee_user_id` text NOT NULL,
	`assignee_team_id` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`quarter`, `tags`, `incoming`, `session_id`, `assignee_user_id`, `assignee_team_id`)
) WITHOUT ROWID;
--> statement-breakpoint
-- The UTC days whose rows above are to be rebuilt from the kept conversations and counts: marked
-- by the background fold (the days a refold changed), by tagging (every day of the chat), and
-- when a number's business hours change (every day of the number).
CREATE TABLE `report_dirty_days` (
	`day` integer PRIMARY KEY NOT NULL
);
--> statement-breakpoint
-- The business hours the rows' durations were measured with, per number (JSON of zone, hours,
-- closed dates): a change marks the number's days.
CREATE TABLE `report_hours_folded` (
	`session_id` text PRIMARY KEY NOT NULL,
	`hours` text NOT NULL
);
--> statement-breakpoint
-- Tagging changes which tags a chat's conversations and counts count for ("the chat's tags now"):
-- every day the chat has kept facts on is rebuilt. Not on the message path: tags are added and
-- removed by people and rules, and `chat_order_at` updates (on every message) fire nothing here.
CREATE TRIGGER `report_days_on_tag` AFTER INSERT ON `chat_tags` WHEN substr(new.chat_jid, -5) <> '@g.us'
BEGIN
	INSERT OR IGNORE INTO report_dirty_days (day)
	SELECT opened_at / 86400000 FROM report_conversations WHERE session_id = new.session_id AND chat_jid = new.chat_jid
	UNION SELECT first_incoming_at / 86400000 FROM report_conversations
	 WHERE session_id = new.session_id AND chat_jid = new.chat_jid AND first_incoming_at IS NOT NULL
	UNION SELECT resolved_at / 86400000 FROM report_conversations
	 WHERE session_id = new.session_id AND chat_jid = new.chat_jid AND resolved_at IS NOT NULL
	UNION SELECT quarter / 96 FROM report_message_counts WHERE session_id = new.session_id AND chat_jid = new.chat_jid;
END;
--> statement-breakpoint
CREATE TRIGGER `report_days_on_untag` AFTER DELETE ON `chat_tags` WHEN substr(old.chat_jid, -5) <> '@g.us'
BEGIN
	INSERT OR IGNORE INTO report_dirty_days (day)
	SELECT opened_at / 86400000 FROM report_conversations WHERE session_id = old.session_id AND chat_jid = old.chat_jid
	UNION SELECT first_incoming_at / 86400000 FROM report_conversations
	 WHERE session_id = old.session_id AND chat_jid = old.chat_jid AND first_incoming_at IS NOT NULL
	UNION SELECT resolved_at / 86400000 FROM report_conversations
	 WHERE session_id = old.session_id AND chat_jid = old.chat_jid AND resolved_at IS NOT NULL
	UNION SELECT quarter / 96 FROM report_message_counts WHERE session_id = old.session_id AND chat_jid = old.chat_jid;
END;
--> statement-breakpoint
-- The backfill: every day with a kept conversation or a tagged chat's count, rebuilt by the background fold (a report reads the
-- conversations one by one until few days are left, as before this migration).
INSERT OR IGNORE INTO report_dirty_days (day)
  SELECT opened_at / 86400000 FROM report_conversations
  UNION SELECT first_incoming_at / 86400000 FROM report_conversations WHERE first_incoming_at IS NOT NULL
  UNION SELECT resolved_at / 86400000 FROM report_conversations WHERE resolved_at IS NOT NULL
  UNION SELECT c.quarter / 96 FROM chat_tags t JOIN report_message_counts c
          ON c.session_id = t.session_id AND c.chat_jid = t.chat_jid;
