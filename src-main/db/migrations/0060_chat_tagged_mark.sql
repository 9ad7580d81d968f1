-- Issue #23 target 8: a chat-list page reads each chat's tags by a subquery over `chat_tags`
-- (services/organize/chat-tags-column.ts), one probe per chat, and most chats carry no tag (in the
-- bench 64 %). `chats.tagged` marks the chats that carry at least one, so a page probes only
-- those. Written by hand: drizzle-kit renders no triggers.
ALTER TABLE `chats` ADD `tagged` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
-- Filled once at the first start after the upgrade: the taggings are walked (their session
-- index), one seek per tagged chat; untagged chats keep the default without being written.
UPDATE `chats` SET `tagged` = 1 WHERE (`session_id`, `jid`) IN (SELECT `session_id`, `chat_jid` FROM `chat_tags`);
--> statement-breakpoint
CREATE TRIGGER `chats_tagged_on_tag` AFTER INSERT ON `chat_tags` BEGIN
	UPDATE `chats` SET `tagged` = 1
	WHERE `session_id` = new.`session_id` AND `jid` = new.`chat_jid` AND `tagged` = 0;
END;
--> statement-breakpoint
-- A chat's last tag removed clears the mark; any other removal leaves it (one probe of the key).
CREATE TRIGGER `chats_tagged_on_untag` AFTER DELETE ON `chat_tags` BEGIN
	UPDATE `chats` SET `tagged` = 0
	WHERE `session_id` = old.`session_id` AND `jid` = old.`chat_jid` AND `tagged` = 1
		AND NOT EXISTS (SELECT 1 FROM `chat_tags` WHERE `session_id` = old.`session_id` AND `chat_jid` = old.`chat_jid`);
END;
--> statement-breakpoint
-- A chat created again under kept taggings (as `chat_tags_order_on_chat_insert` follows them).
CREATE TRIGGER `chats_tagged_on_chat_insert` AFTER INSERT ON `chats`
	WHEN EXISTS (SELECT 1 FROM `chat_tags` WHERE `session_id` = new.`session_id` AND `chat_jid` = new.`jid`) BEGIN
	UPDATE `chats` SET `tagged` = 1 WHERE `session_id` = new.`session_id` AND `jid` = new.`jid`;
END;
