-- Issue #28: every chat list filter is an index walk at a million chats (services/chats/list/).
-- Written by hand: drizzle-kit renders neither partial expression indexes nor FTS5 tables.
--
-- 1. The assignment views without a status (Mine / a team, any status): 0021's indexes put the
--    status before the order, so "all of a person's chats" could not be read in order from them.
--    These hold only assigned chats (no write for an unassigned one). The status comes last, so
--    counting a set (to pick the smallest of several filters) reads the index alone.
CREATE INDEX `chats_assignee_order_idx` ON `chats` (`assignee_user_id`, coalesce("last_message_at", 0), `session_id`, `jid`, `status`) WHERE "chats"."assignee_user_id" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX `chats_team_any_order_idx` ON `chats` (`assignee_team_id`, coalesce("last_message_at", 0), `session_id`, `jid`, `status`) WHERE "chats"."assignee_team_id" IS NOT NULL;
--> statement-breakpoint
-- 2. A name filter `q` of one or two characters: the trigram index can find it too, as the
--    trigrams that start with it (services/chats/list/short-names.ts reads them through the
--    chat_names_vocab table), provided every character of a document is followed by two more.
--    The documents now end with two line breaks (no one types those into the filter), and are
--    rebuilt once: ~20 s for a million chats at the first start after the upgrade.
DROP VIEW `chat_search_documents`;
--> statement-breakpoint
CREATE VIEW `chat_search_documents` AS
	SELECT k.`id`, k.`session_id`, k.`jid`,
		coalesce(c.`name`, '') || char(10) || coalesce(ct.`name`, '') || char(10) || coalesce(ct.`notify`, '') || char(10) ||
		coalesce(ct.`verified_name`, '') || char(10) || c.`jid` || char(10) || char(10) AS `names`
	FROM `chat_search_keys` k
	JOIN `chats` c ON c.`session_id` = k.`session_id` AND c.`jid` = k.`jid`
	LEFT JOIN `contacts` ct ON ct.`session_id` = k.`session_id` AND ct.`jid` = k.`jid`;
--> statement-breakpoint
INSERT INTO `chat_names_fts` (`chat_names_fts`) VALUES ('delete-all');
--> statement-breakpoint
INSERT INTO `chat_names_fts` (rowid, `names`) SELECT `id`, `names` FROM `chat_search_documents`;
--> statement-breakpoint
-- Each (trigram, chat) pair of the index, for a range of trigrams (`term >= 'ab' AND term < 'ac'`).
CREATE VIRTUAL TABLE `chat_names_vocab` USING fts5vocab(`chat_names_fts`, 'instance');
