-- Issue #28: "Unread" with a tag (and anything more: a view, a name) at a million chats.
-- Written by hand: drizzle-kit renders neither partial indexes on expressions nor triggers.
--
-- Unread chats and a tag's chats can both be many (15 % and 30 % of a number in the bench) while
-- few chats are both: walking either set and checking the other on each chat passed over every
-- unread chat to find none (68 ms – 2.5 s at 1M chats). Each tagging now also carries whether its
-- chat is unread (`chat_unread`, like `chat_order_at` since 0011), and two partial indexes hold
-- the taggings of unread chats in list order: "unread + a tag" walks exactly its chats.
-- Write cost: a chat's taggings are updated only when it turns unread or read (one probe of the
-- chat_tags key when it has none), and a new message moves a tagging in these indexes only while
-- its chat is unread (docs/PERFORMANCE.md, "Migration 0053").
ALTER TABLE `chat_tags` ADD `chat_unread` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
-- Filled once at the first start after the upgrade, from the unread chats' partial index.
UPDATE `chat_tags` SET `chat_unread` = 1 WHERE EXISTS (SELECT 1 FROM `chats` c
	WHERE c.`session_id` = `chat_tags`.`session_id` AND c.`jid` = `chat_tags`.`chat_jid` AND c.`unread_count` > 0);
--> statement-breakpoint
CREATE INDEX `chat_tags_unread_order_idx` ON `chat_tags` (`tag_id`, `chat_order_at`, `session_id`, `chat_jid`) WHERE `chat_unread` = 1;
--> statement-breakpoint
CREATE INDEX `chat_tags_unread_session_order_idx` ON `chat_tags` (`tag_id`, `session_id`, `chat_order_at`, `chat_jid`) WHERE `chat_unread` = 1;
--> statement-breakpoint
-- A new tagging copies its chat's order key and unread state in one update (0011's trigger did the key).
DROP TRIGGER `chat_tags_order_on_tag`;
--> statement-breakpoint
CREATE TRIGGER `chat_tags_order_on_tag` AFTER INSERT ON `chat_tags` BEGIN
	UPDATE `chat_tags` SET
		`chat_order_at` = coalesce((SELECT coalesce(`last_message_at`, 0) FROM `chats`
			WHERE `session_id` = new.`session_id` AND `jid` = new.`chat_jid`), 0),
		`chat_unread` = coalesce((SELECT `unread_count` > 0 FROM `chats`
			WHERE `session_id` = new.`session_id` AND `jid` = new.`chat_jid`), 0)
	WHERE `session_id` = new.`session_id` AND `chat_jid` = new.`chat_jid` AND `tag_id` = new.`tag_id`;
END;
--> statement-breakpoint
-- A chat created again under kept taggings: both copies follow it (0011's trigger did the key).
DROP TRIGGER `chat_tags_order_on_chat_insert`;
--> statement-breakpoint
CREATE TRIGGER `chat_tags_order_on_chat_insert` AFTER INSERT ON `chats` BEGIN
	UPDATE `chat_tags` SET `chat_order_at` = coalesce(new.`last_message_at`, 0), `chat_unread` = new.`unread_count` > 0
	WHERE `session_id` = new.`session_id` AND `chat_jid` = new.`jid`;
END;
--> statement-breakpoint
CREATE TRIGGER `chat_tags_unread_on_chat_update` AFTER UPDATE OF `unread_count` ON `chats`
	WHEN (old.`unread_count` > 0) IS NOT (new.`unread_count` > 0) BEGIN
	UPDATE `chat_tags` SET `chat_unread` = new.`unread_count` > 0
	WHERE `session_id` = new.`session_id` AND `chat_jid` = new.`jid`;
END;
