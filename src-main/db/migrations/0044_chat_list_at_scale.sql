-- Issue #28: every chat list filter instant at a million chats, without slowing ingest.
-- Written by hand: drizzle-kit renders neither expression indexes nor FTS5 tables and triggers.
--
-- 1. "Every number, any status" no longer needs an order index of its own: it is a merge of the
--    status index's three runs (open, pending, resolved: `UNION ALL … ORDER BY … LIMIT`, each run
--    already in list order; services/chats/list/all-statuses.ts). chats_order_idx held every
--    chat, and each newer message moved its chat in it (a seek to the old entry and a write in a
--    large index): one of the four such moves per chat summary update (docs/PERFORMANCE.md,
--    "Ingest regression").
DROP INDEX `chats_order_idx`;
--> statement-breakpoint
-- 2. The name index without positions (`detail=none`): a third of the size, and a new chat's
--    document costs less to write (most chats are written once, by history sync). A text of 3+
--    characters is no longer a phrase but every trigram of it (`"tam" AND "ama" AND "mar"`), a
--    superset of the chats containing it; the list applies the LIKE on each candidate anyway
--    (services/chats/list/name-match.ts). The vocabulary still gives, per trigram, the chats
--    holding it (its offsets are now null), which is all the 1–2 character lookup reads.
--    The triggers name the table, so they are dropped with it and created again unchanged.
DROP TRIGGER `chat_search_on_chat_insert`;
--> statement-breakpoint
DROP TRIGGER `chat_search_on_chat_rename`;
--> statement-breakpoint
DROP TRIGGER `chat_search_on_contact_insert`;
--> statement-breakpoint
DROP TRIGGER `chat_search_on_contact_update`;
--> statement-breakpoint
DROP TRIGGER `chat_search_on_contact_delete`;
--> statement-breakpoint
DROP TABLE `chat_names_vocab`;
--> statement-breakpoint
DROP TABLE `chat_names_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `chat_names_fts` USING fts5(
	`names`,
	content='',
	contentless_delete=1,
	detail=none,
	tokenize='trigram'
);
--> statement-breakpoint
-- Rebuilt once, in one pass, at the first start after the upgrade (about as long as 0025's rebuild; not timed at 1M chats).
INSERT INTO `chat_names_fts` (rowid, `names`) SELECT `id`, `names` FROM `chat_search_documents`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `chat_names_vocab` USING fts5vocab(`chat_names_fts`, 'instance');
--> statement-breakpoint
CREATE TRIGGER `chat_search_on_chat_insert` AFTER INSERT ON `chats` BEGIN
	INSERT OR REPLACE INTO `chat_search_keys` (`session_id`, `jid`) VALUES (new.`session_id`, new.`jid`);
	INSERT INTO `chat_names_fts` (rowid, `names`)
		SELECT `id`, `names` FROM `chat_search_documents` WHERE `session_id` = new.`session_id` AND `jid` = new.`jid`;
END;
--> statement-breakpoint
CREATE TRIGGER `chat_search_on_chat_rename` AFTER UPDATE OF `name` ON `chats` WHEN old.`name` IS NOT new.`name` BEGIN
	DELETE FROM `chat_names_fts` WHERE rowid =
		(SELECT `id` FROM `chat_search_keys` WHERE `session_id` = new.`session_id` AND `jid` = new.`jid`);
	INSERT INTO `chat_names_fts` (rowid, `names`)
		SELECT `id`, `names` FROM `chat_search_documents` WHERE `session_id` = new.`session_id` AND `jid` = new.`jid`;
END;
--> statement-breakpoint
CREATE TRIGGER `chat_search_on_contact_insert` AFTER INSERT ON `contacts`
	WHEN EXISTS (SELECT 1 FROM `chat_search_keys` WHERE `session_id` = new.`session_id` AND `jid` = new.`jid`) BEGIN
	DELETE FROM `chat_names_fts` WHERE rowid =
		(SELECT `id` FROM `chat_search_keys` WHERE `session_id` = new.`session_id` AND `jid` = new.`jid`);
	INSERT INTO `chat_names_fts` (rowid, `names`)
		SELECT `id`, `names` FROM `chat_search_documents` WHERE `session_id` = new.`session_id` AND `jid` = new.`jid`;
END;
--> statement-breakpoint
CREATE TRIGGER `chat_search_on_contact_update` AFTER UPDATE OF `name`, `notify`, `verified_name` ON `contacts`
	WHEN (old.`name` IS NOT new.`name` OR old.`notify` IS NOT new.`notify` OR old.`verified_name` IS NOT new.`verified_name`)
		AND EXISTS (SELECT 1 FROM `chat_search_keys` WHERE `session_id` = new.`session_id` AND `jid` = new.`jid`) BEGIN
	DELETE FROM `chat_names_fts` WHERE rowid =
		(SELECT `id` FROM `chat_search_keys` WHERE `session_id` = new.`session_id` AND `jid` = new.`jid`);
	INSERT INTO `chat_names_fts` (rowid, `names`)
		SELECT `id`, `names` FROM `chat_search_documents` WHERE `session_id` = new.`session_id` AND `jid` = new.`jid`;
END;
--> statement-breakpoint
CREATE TRIGGER `chat_search_on_contact_delete` AFTER DELETE ON `contacts`
	WHEN EXISTS (SELECT 1 FROM `chat_search_keys` WHERE `session_id` = old.`session_id` AND `jid` = old.`jid`) BEGIN
	DELETE FROM `chat_names_fts` WHERE rowid =
		(SELECT `id` FROM `chat_search_keys` WHERE `session_id` = old.`session_id` AND `jid` = old.`jid`);
	INSERT INTO `chat_names_fts` (rowid, `names`)
		SELECT `id`, `names` FROM `chat_search_documents` WHERE `session_id` = old.`session_id` AND `jid` = old.`jid`;
END;
