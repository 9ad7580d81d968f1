-- Issue #23 target 3 (bytes per message): the reports' two per-chat tables repeated the number
-- and the chat's JID as text in every row and again in every covering index (~160 B per message
-- at 1M, docs/PERFORMANCE.md "Session 19"). A chat is now an integer key of `report_chats`, its
-- own table: `chat_search_keys` is deleted with a chat (chat-erase.ts) and given a new id when a
-- chat row is inserted again, while the report rows of an erased chat must still be found by the
-- fold that removes them. The sender kind is a small integer (services/reports/kind-codes.ts).
--
-- The rows are derived data and are not converted: both tables are dropped, the sums the fold
-- keeps by deltas (`report_day_counts`, `report_quarter_totals`) emptied, and every customer
-- chat marked to be folded from its beginning, as migrations 0028 and 0032 did. Start-up only
-- frees pages; the background fold rebuilds the rows (and marks every day it touches, so the
-- per-day sums are rebuilt after it). Until it has caught up a report folds the messages
-- themselves (the same figures) and says how many chats are left (`preparing`).
DROP TRIGGER `report_days_on_tag`;
--> statement-breakpoint
DROP TRIGGER `report_days_on_untag`;
--> statement-breakpoint
DROP TABLE `report_conversations`;
--> statement-breakpoint
DROP TABLE `report_message_counts`;
--> statement-breakpoint
DELETE FROM `report_day_counts`;
--> statement-breakpoint
DELETE FROM `report_quarter_totals`;
--> statement-breakpoint
CREATE TABLE `report_chats` (
	`id` integer PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`chat_jid` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_chats_key_idx` ON `report_chats` (`session_id`,`chat_jid`);
--> statement-breakpoint
CREATE TABLE `report_conversations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`chat` integer NOT NULL,
	`opened_at` integer NOT NULL,
	`first_incoming_at` integer,
	`first_response_at` integer,
	`resolved_at` integer,
	`assignee_user_id` text,
	`assignee_team_id` text
);
--> statement-breakpoint
CREATE INDEX `report_conversations_chat_idx` ON `report_conversations` (`chat`,`opened_at`);
--> statement-breakpoint
CREATE INDEX `report_conversations_opened_idx` ON `report_conversations` (`opened_at`,`chat`,`first_incoming_at`,`first_response_at`,`resolved_at`,`assignee_user_id`,`assignee_team_id`);
--> statement-breakpoint
CREATE INDEX `report_conversations_incoming_idx` ON `report_conversations` (`first_incoming_at`,`chat`,`opened_at`,`first_response_at`,`resolved_at`,`assignee_user_id`,`assignee_team_id`) WHERE "report_conversations"."first_incoming_at" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX `report_conversations_resolved_idx` ON `report_conversations` (`resolved_at`,`chat`,`opened_at`,`first_incoming_at`,`first_response_at`,`assignee_user_id`,`assignee_team_id`) WHERE "report_conversations"."resolved_at" IS NOT NULL;
--> statement-breakpoint
CREATE TABLE `report_message_counts` (
	`chat` integer NOT NULL,
	`quarter` integer NOT NULL,
	`kind` integer NOT NULL,
	`sender_user_id` text NOT NULL,
	`assignee_user_id` text NOT NULL,
	`assignee_team_id` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`chat`, `quarter`, `kind`, `sender_user_id`, `assignee_user_id`, `assignee_team_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `report_message_counts_quarter_idx` ON `report_message_counts` (`quarter`,`kind`,`chat`,`sender_user_id`,`assignee_user_id`,`assignee_team_id`,`n`);
--> statement-breakpoint
-- As migration 0046's, through the chat's key.
CREATE TRIGGER `report_days_on_tag` AFTER INSERT ON `chat_tags` WHEN substr(new.chat_jid, -5) <> '@g.us'
BEGIN
	INSERT OR IGNORE INTO report_dirty_days (day)
	SELECT c.opened_at / 86400000 FROM report_chats k JOIN report_conversations c ON c.chat = k.id
	 WHERE k.session_id = new.session_id AND k.chat_jid = new.chat_jid
	UNION SELECT c.first_incoming_at / 86400000 FROM report_chats k JOIN report_conversations c ON c.chat = k.id
	 WHERE k.session_id = new.session_id AND k.chat_jid = new.chat_jid AND c.first_incoming_at IS NOT NULL
	UNION SELECT c.resolved_at / 86400000 FROM report_chats k JOIN report_conversations c ON c.chat = k.id
	 WHERE k.session_id = new.session_id AND k.chat_jid = new.chat_jid AND c.resolved_at IS NOT NULL
	UNION SELECT c.quarter / 96 FROM report_chats k JOIN report_message_counts c ON c.chat = k.id
	 WHERE k.session_id = new.session_id AND k.chat_jid = new.chat_jid;
END;
--> statement-breakpoint
CREATE TRIGGER `report_days_on_untag` AFTER DELETE ON `chat_tags` WHEN substr(old.chat_jid, -5) <> '@g.us'
BEGIN
	INSERT OR IGNORE INTO report_dirty_days (day)
	SELECT c.opened_at / 86400000 FROM report_chats k JOIN report_conversations c ON c.chat = k.id
	 WHERE k.session_id = old.session_id AND k.chat_jid = old.chat_jid
	UNION SELECT c.first_incoming_at / 86400000 FROM report_chats k JOIN report_conversations c ON c.chat = k.id
	 WHERE k.session_id = old.session_id AND k.chat_jid = old.chat_jid AND c.first_incoming_at IS NOT NULL
	UNION SELECT c.resolved_at / 86400000 FROM report_chats k JOIN report_conversations c ON c.chat = k.id
	 WHERE k.session_id = old.session_id AND k.chat_jid = old.chat_jid AND c.resolved_at IS NOT NULL
	UNION SELECT c.quarter / 96 FROM report_chats k JOIN report_message_counts c ON c.chat = k.id
	 WHERE k.session_id = old.session_id AND k.chat_jid = old.chat_jid;
END;
--> statement-breakpoint
-- The refold: every customer chat from its beginning (a mark already there is moved to it).
INSERT INTO report_dirty_chats (session_id, chat_jid, since)
  SELECT session_id, jid, -1 FROM chats WHERE kind = 'user'
  ON CONFLICT (session_id, chat_jid) DO UPDATE SET since = -1;
