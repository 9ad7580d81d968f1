-- Every chat list filter is an index walk in list order, whatever share of the chats it matches
-- (services/chat-list/). Written by hand: drizzle-kit renders neither expression/partial index
-- columns nor FTS5 tables and triggers.
--
-- 1. Sparse states: partial indexes on the list order holding only the chats in that state, one
--    led by the session (one number's list) and one by the order (every number's list). A walk
--    over them touches matching chats only. A chat outside the state costs no index write.
--    The state's column comes last so that counting a set (to pick the smallest of several
--    filters) reads the index alone.
CREATE INDEX `chats_unread_session_order_idx` ON `chats` (`session_id`,coalesce("last_message_at", 0),`jid`,`unread_count`) WHERE "unread_count" > 0;--> statement-breakpoint
CREATE INDEX `chats_unread_order_idx` ON `chats` (coalesce("last_message_at", 0),`session_id`,`jid`,`unread_count`) WHERE "unread_count" > 0;--> statement-breakpoint
CREATE INDEX `chats_archived_session_order_idx` ON `chats` (`session_id`,coalesce("last_message_at", 0),`jid`,`archived`) WHERE "archived" = 1;--> statement-breakpoint
CREATE INDEX `chats_archived_order_idx` ON `chats` (coalesce("last_message_at", 0),`session_id`,`jid`,`archived`) WHERE "archived" = 1;--> statement-breakpoint
CREATE INDEX `chats_pinned_session_order_idx` ON `chats` (`session_id`,coalesce("last_message_at", 0),`jid`,`pinned_at`) WHERE "pinned_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `chats_pinned_order_idx` ON `chats` (coalesce("last_message_at", 0),`session_id`,`jid`,`pinned_at`) WHERE "pinned_at" IS NOT NULL;--> statement-breakpoint
-- Groups, newsletters and broadcast lists (1:1 chats are the bulk and walk the plain order).
CREATE INDEX `chats_kind_session_order_idx` ON `chats` (`session_id`,`kind`,coalesce("last_message_at", 0),`jid`) WHERE "kind" <> 'user';--> statement-breakpoint
CREATE INDEX `chats_kind_order_idx` ON `chats` (`kind`,coalesce("last_message_at", 0),`session_id`,`jid`) WHERE "kind" <> 'user';--> statement-breakpoint
--
-- 2. Tag membership in list order: each tagging carries its chat's order key, kept by triggers,
--    so "chats with tag X" walks that tag's taggings newest first. The new indexes start with
--    tag_id, so they also serve what chat_tags_tag_idx did.
ALTER TABLE `chat_tags` ADD `chat_order_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
DROP INDEX `chat_tags_tag_idx`;--> statement-breakpoint
CREATE INDEX `chat_tags_order_idx` ON `chat_tags` (`tag_id`,`chat_order_at`,`session_id`,`chat_jid`);--> statement-breakpoint
CREATE INDEX `chat_tags_session_order_idx` ON `chat_tags` (`tag_id`,`session_id`,`chat_order_at`,`chat_jid`);--> statement-breakpoint
UPDATE `chat_tags` SET `chat_order_at` = coalesce(
	(SELECT coalesce(c.`last_message_at`, 0) FROM `chats` c WHERE c.`session_id` = `chat_tags`.`session_id` AND c.`jid` = `chat_tags`.`chat_jid`), 0);--> statement-breakpoint
CREATE TRIGGER `chat_tags_order_on_tag` AFTER INSERT ON `chat_tags` BEGIN
	UPDATE `chat_tags` SET `chat_order_at` = coalesce(
		(SELECT coalesce(`last_message_at`, 0) FROM `chats` WHERE `session_id` = new.`session_id` AND `jid` = new.`chat_jid`), 0)
	WHERE `session_id` = new.`session_id` AND `chat_jid` = new.`chat_jid` AND `tag_id` = new.`tag_id`;
END;--> statement-breakpoint
-- A chat's taggings follow its order key (one probe of the chat_tags key when it has none).
CREATE TRIGGER `chat_tags_order_on_chat_insert` AFTER INSERT ON `chats` BEGIN
	UPDATE `chat_tags` SET `chat_order_at` = coalesce(new.`last_message_at`, 0)
	WHERE `session_id` = new.`session_id` AND `chat_jid` = new.`jid`;
END;--> statement-breakpoint
CREATE TRIGGER `chat_tags_order_on_chat_update` AFTER UPDATE OF `last_message_at` ON `chats`
	WHEN old.`last_message_at` IS NOT new.`last_message_at` BEGIN
	UPDATE `chat_tags` SET `chat_order_at` = coalesce(new.`last_message_at`, 0)
	WHERE `session_id` = new.`session_id` AND `chat_jid` = new.`jid`;
END;--> statement-breakpoint
--
-- 3. The name filter `q` (chat name, contact's saved / profile / verified name, JID): a trigram
--    index finds the chats containing a text of 3+ characters without reading every chat.
--    FTS5 needs an integer key per document; chats have none that survives VACUUM, so
--    chat_search_keys gives each chat one. The document is the chat_search_documents view,
--    refreshed by triggers whenever one of its parts changes.
CREATE TABLE `chat_search_keys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` text NOT NULL,
	`jid` text NOT NULL
);--> statement-breakpoint
CREATE UNIQUE INDEX `chat_search_keys_chat_idx` ON `chat_search_keys` (`session_id`,`jid`);--> statement-breakpoint
CREATE VIEW `chat_search_documents` AS
	SELECT k.`id`, k.`session_id`, k.`jid`,
		coalesce(c.`name`, '') || char(10) || coalesce(ct.`name`, '') || char(10) || coalesce(ct.`notify`, '') || char(10) ||
		coalesce(ct.`verified_name`, '') || char(10) || c.`jid` AS `names`
	FROM `chat_search_keys` k
	JOIN `chats` c ON c.`session_id` = k.`session_id` AND c.`jid` = k.`jid`
	LEFT JOIN `contacts` ct ON ct.`session_id` = k.`session_id` AND ct.`jid` = k.`jid`;--> statement-breakpoint
-- Contentless with delete: no copy of the names, a document leaves by its key alone.
-- Trigram folds case (also beyond ASCII), so its hits include every LIKE match; the list still
-- applies the LIKE itself, so results are exactly those of the LIKE.
CREATE VIRTUAL TABLE `chat_names_fts` USING fts5(
	`names`,
	content='',
	contentless_delete=1,
	tokenize='trigram'
);--> statement-breakpoint
INSERT INTO `chat_search_keys` (`session_id`, `jid`) SELECT `session_id`, `jid` FROM `chats`;--> statement-breakpoint
INSERT INTO `chat_names_fts` (rowid, `names`) SELECT `id`, `names` FROM `chat_search_documents`;--> statement-breakpoint
-- No trigger on deleting a chat: a row trigger makes a session's DELETE of its chats go row by row
-- through it (33k chats: 1.6 s instead of 0.5 s). The session purge removes the session's keys
-- and index entries itself, set by set (services/session-purge.ts). A key left by any other
-- delete is replaced if the chat comes back (a new id: AUTOINCREMENT never reuses one), and its
-- old entry matches no key, so it is never a candidate.
CREATE TRIGGER `chat_search_on_chat_insert` AFTER INSERT ON `chats` BEGIN
	INSERT OR REPLACE INTO `chat_search_keys` (`session_id`, `jid`) VALUES (new.`session_id`, new.`jid`);
	INSERT INTO `chat_names_fts` (rowid, `names`)
		SELECT `id`, `names` FROM `chat_search_documents` WHERE `session_id` = new.`session_id` AND `jid` = new.`jid`;
END;--> statement-breakpoint
CREATE TRIGGER `chat_search_on_chat_rename` AFTER UPDATE OF `name` ON `chats` WHEN old.`name` IS NOT new.`name` BEGIN
	DELETE FROM `chat_names_fts` WHERE rowid =
		(SELECT `id` FROM `chat_search_keys` WHERE `session_id` = new.`session_id` AND `jid` = new.`jid`);
	INSERT INTO `chat_names_fts` (rowid, `names`)
		SELECT `id`, `names` FROM `chat_search_documents` WHERE `session_id` = new.`session_id` AND `jid` = new.`jid`;
END;--> statement-breakpoint
-- Contacts: only a chat that exists has a document (a chat created later reads its contact then),
-- so a contact without a chat (most of a first sync) costs one probe of the keys.
CREATE TRIGGER `chat_search_on_contact_insert` AFTER INSERT ON `contacts`
	WHEN EXISTS (SELECT 1 FROM `chat_search_keys` WHERE `session_id` = new.`session_id` AND `jid` = new.`jid`) BEGIN
	DELETE FROM `chat_names_fts` WHERE rowid =
		(SELECT `id` FROM `chat_search_keys` WHERE `session_id` = new.`session_id` AND `jid` = new.`jid`);
	INSERT INTO `chat_names_fts` (rowid, `names`)
		SELECT `id`, `names` FROM `chat_search_documents` WHERE `session_id` = new.`session_id` AND `jid` = new.`jid`;
END;--> statement-breakpoint
CREATE TRIGGER `chat_search_on_contact_update` AFTER UPDATE OF `name`, `notify`, `verified_name` ON `contacts`
	WHEN (old.`name` IS NOT new.`name` OR old.`notify` IS NOT new.`notify` OR old.`verified_name` IS NOT new.`verified_name`)
		AND EXISTS (SELECT 1 FROM `chat_search_keys` WHERE `session_id` = new.`session_id` AND `jid` = new.`jid`) BEGIN
	DELETE FROM `chat_names_fts` WHERE rowid =
		(SELECT `id` FROM `chat_search_keys` WHERE `session_id` = new.`session_id` AND `jid` = new.`jid`);
	INSERT INTO `chat_names_fts` (rowid, `names`)
		SELECT `id`, `names` FROM `chat_search_documents` WHERE `session_id` = new.`session_id` AND `jid` = new.`jid`;
END;--> statement-breakpoint
CREATE TRIGGER `chat_search_on_contact_delete` AFTER DELETE ON `contacts`
	WHEN EXISTS (SELECT 1 FROM `chat_search_keys` WHERE `session_id` = old.`session_id` AND `jid` = old.`jid`) BEGIN
	DELETE FROM `chat_names_fts` WHERE rowid =
		(SELECT `id` FROM `chat_search_keys` WHERE `session_id` = old.`session_id` AND `jid` = old.`jid`);
	INSERT INTO `chat_names_fts` (rowid, `names`)
		SELECT `id`, `names` FROM `chat_search_documents` WHERE `session_id` = old.`session_id` AND `jid` = old.`jid`;
END;
