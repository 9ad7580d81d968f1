-- Reports at speed (issue #24): each customer chat's conversations (open → resolved cycles),
-- folded once and kept, so a report reads the conversations of its period instead of folding
-- every message of a 90-day window (services/reports/conversation-table.ts).
--
-- The fold itself is JavaScript (metrics/timeline.ts, the one definition of a conversation).
-- What SQL keeps on write, in the writer's own transaction, is *which chats changed and from
-- when*: a trigger on every message insert (and on the columns a report reads changing) and on
-- every assignment change upserts one row of `report_dirty_chats`. The report (and a background
-- tick) refolds those chats from the conversation that holds the earliest change, then forgets
-- the mark. Groups are left out at once (`@g.us`); channels and broadcasts are skipped when folded.
CREATE TABLE `report_conversations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` text NOT NULL,
	`chat_jid` text NOT NULL,
	`opened_at` integer NOT NULL,
	`first_incoming_at` integer,
	`first_response_at` integer,
	`resolved_at` integer,
	`assignee_user_id` text,
	`assignee_team_id` text
);
--> statement-breakpoint
CREATE INDEX `report_conversations_chat_idx` ON `report_conversations` (`session_id`, `chat_jid`, `opened_at`);
--> statement-breakpoint
-- A period's conversations are those opened, first written to or resolved in it: three ranges,
-- each over an index that holds every column a report reads.
CREATE INDEX `report_conversations_opened_idx` ON `report_conversations` (`opened_at`, `session_id`, `chat_jid`, `first_incoming_at`, `first_response_at`, `resolved_at`, `assignee_user_id`, `assignee_team_id`);
--> statement-breakpoint
CREATE INDEX `report_conversations_incoming_idx` ON `report_conversations` (`first_incoming_at`, `session_id`, `chat_jid`, `opened_at`, `first_response_at`, `resolved_at`, `assignee_user_id`, `assignee_team_id`) WHERE "report_conversations"."first_incoming_at" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX `report_conversations_resolved_idx` ON `report_conversations` (`resolved_at`, `session_id`, `chat_jid`, `opened_at`, `first_incoming_at`, `first_response_at`, `assignee_user_id`, `assignee_team_id`) WHERE "report_conversations"."resolved_at" IS NOT NULL;
--> statement-breakpoint
CREATE TABLE `report_dirty_chats` (
	`session_id` text NOT NULL,
	`chat_jid` text NOT NULL,
	`since` integer NOT NULL,
	PRIMARY KEY(`session_id`, `chat_jid`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TRIGGER `report_dirty_on_message` AFTER INSERT ON `messages` WHEN substr(new.chat_jid, -5) <> '@g.us' BEGIN
  INSERT INTO report_dirty_chats (session_id, chat_jid, since) VALUES (new.session_id, new.chat_jid, new.timestamp)
    ON CONFLICT (session_id, chat_jid) DO UPDATE SET since = min(since, excluded.since);
END;
--> statement-breakpoint
-- A waiting message getting its content, a message's time or sender changing: what a report reads.
CREATE TRIGGER `report_dirty_on_message_change` AFTER UPDATE OF `type`, `timestamp`, `from_me`, `sent_by` ON `messages` WHEN substr(new.chat_jid, -5) <> '@g.us' BEGIN
  INSERT INTO report_dirty_chats (session_id, chat_jid, since) VALUES (new.session_id, new.chat_jid, min(old.timestamp, new.timestamp))
    ON CONFLICT (session_id, chat_jid) DO UPDATE SET since = min(since, excluded.since);
END;
--> statement-breakpoint
CREATE TRIGGER `report_dirty_on_assignment` AFTER INSERT ON `chat_assignment_history` BEGIN
  INSERT INTO report_dirty_chats (session_id, chat_jid, since) VALUES (new.session_id, new.chat_jid, new.at)
    ON CONFLICT (session_id, chat_jid) DO UPDATE SET since = min(since, excluded.since);
END;
--> statement-breakpoint
-- The backfill: every customer chat stored before this migration is marked from its beginning;
-- the first report (or the background tick, soon after start-up) folds them once.
INSERT INTO report_dirty_chats (session_id, chat_jid, since)
  SELECT session_id, jid, -1 FROM chats WHERE kind = 'user';
