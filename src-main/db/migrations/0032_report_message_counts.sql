-- Reports at speed, the messages' side (issue #24): each customer chat's messages counted per
-- quarter hour, by who sent them (the customer, a person, automation, the API, a campaign, …) and
-- who had the chat at the time, so a report sums a period's counts in SQL instead of reading and
-- attributing every message of the period in JavaScript (services/reports/message-counts.ts).
-- Quarter hours, because every time zone's offset is a multiple of 15 minutes: the business's
-- local days, hours and DST days are whole quarters (a quarter's local day and hour come from
-- `metrics/local-clock.ts`).
--
-- Kept by the same fold as the conversations (migration 0028): the triggers there mark a chat in
-- the writer's transaction; `ConversationTable.settle` recounts the marked chat from the quarter
-- of its earliest change, with the fold's own attribution (`foldChat`, one definition). No null
-- in the key: '' stands for "nobody" (WITHOUT ROWID keys are NOT NULL).
CREATE TABLE `report_message_counts` (
	`session_id` text NOT NULL,
	`chat_jid` text NOT NULL,
	`quarter` integer NOT NULL,
	`kind` text NOT NULL,
	`sender_user_id` text NOT NULL,
	`assignee_user_id` text NOT NULL,
	`assignee_team_id` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`session_id`, `chat_jid`, `quarter`, `kind`, `sender_user_id`, `assignee_user_id`, `assignee_team_id`)
) WITHOUT ROWID;
--> statement-breakpoint
-- A period's counts: one range of quarters, every column a report reads in the index.
CREATE INDEX `report_message_counts_quarter_idx` ON `report_message_counts` (`quarter`, `kind`, `session_id`, `sender_user_id`, `assignee_user_id`, `assignee_team_id`, `chat_jid`, `n`);
--> statement-breakpoint
-- A chat's first assignee change also says who had it before (its `from`): the messages before
-- it are counted again, so the chat is folded from its beginning (once in its life; later
-- changes refold from their own time, as before).
DROP TRIGGER `report_dirty_on_assignment`;
--> statement-breakpoint
CREATE TRIGGER `report_dirty_on_assignment` AFTER INSERT ON `chat_assignment_history` BEGIN
  INSERT INTO report_dirty_chats (session_id, chat_jid, since)
    VALUES (new.session_id, new.chat_jid, CASE WHEN new.change = 'assignee' AND NOT EXISTS (
      SELECT 1 FROM chat_assignment_history h WHERE h.session_id = new.session_id AND h.chat_jid = new.chat_jid
        AND h.change = 'assignee' AND h.at < new.at) THEN -1 ELSE new.at END)
    ON CONFLICT (session_id, chat_jid) DO UPDATE SET since = min(since, excluded.since);
END;
--> statement-breakpoint
-- The backfill: every customer chat is folded (and now counted) again from its beginning by the
-- background fold, 500 chats a tick; until fewer than 2,000 are left a report is computed the
-- old way (the same definitions), and `reports.overview` says how many chats are left.
INSERT INTO report_dirty_chats (session_id, chat_jid, since)
  SELECT session_id, jid, -1 FROM chats WHERE kind = 'user'
  ON CONFLICT (session_id, chat_jid) DO UPDATE SET since = -1;
