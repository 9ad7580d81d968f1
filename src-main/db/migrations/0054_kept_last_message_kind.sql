-- Issue #23 target 8: the chat list read its page's last messages from `messages` (50 seeks per
-- page, ~0.65 of a raw list query); each chat row now keeps the values the preview needs.
-- Written by hand: drizzle-kit renders no triggers.
--
-- Separate columns rather than one JSON blob: the backfill and the triggers below write them with
-- plain SQL, a page reads them with no JSON parse, and the live upsert keeps each one with the
-- same `CASE` as `last_message_id` (services/messages/last-message-kind.ts has the expressions).
-- `last_message_type` NULL means no last message stored (the kind is then "unknown").
ALTER TABLE `chats` ADD `last_message_type` text;
--> statement-breakpoint
ALTER TABLE `chats` ADD `last_message_text` text;
--> statement-breakpoint
ALTER TABLE `chats` ADD `last_message_revoked` integer;
--> statement-breakpoint
ALTER TABLE `chats` ADD `last_message_sender` text;
--> statement-breakpoint
ALTER TABLE `chats` ADD `last_message_sender_name` text;
--> statement-breakpoint
ALTER TABLE `chats` ADD `last_message_file_name` text;
--> statement-breakpoint
ALTER TABLE `chats` ADD `last_message_seconds` real;
--> statement-breakpoint
ALTER TABLE `chats` ADD `last_message_voice_note` integer;
--> statement-breakpoint
ALTER TABLE `chats` ADD `last_message_video_note` integer;
--> statement-breakpoint
ALTER TABLE `chats` ADD `last_message_poll_name` text;
--> statement-breakpoint
-- Filled once at the first start after the upgrade: one seek per chat by the identity index.
UPDATE `chats` SET (`last_message_type`, `last_message_text`, `last_message_revoked`, `last_message_sender`,
		`last_message_sender_name`, `last_message_file_name`, `last_message_seconds`, `last_message_voice_note`,
		`last_message_video_note`, `last_message_poll_name`) = (
	SELECT m.type, substr(m.text, 1, 200), m.revoked_at IS NOT NULL, m.sender_jid, m.sender_name,
		CASE WHEN json_type(m.media, '$.fileName') = 'text' THEN m.media ->> '$.fileName' END,
		CASE WHEN json_type(m.media, '$.seconds') IN ('integer', 'real') THEN m.media ->> '$.seconds' END,
		coalesce(m.media ->> '$.voiceNote' = 1, 0), coalesce(m.content ->> '$.videoNote' = 1, 0),
		CASE WHEN m.type = 'poll' AND json_type(m.content, '$.name') = 'text' THEN m.content ->> '$.name' END
	FROM `messages` m
	WHERE m.session_id = `chats`.`session_id` AND m.chat_jid = `chats`.`jid` AND m.id = `chats`.`last_message_id`)
WHERE `last_message_id` IS NOT NULL;
--> statement-breakpoint
-- A chat's last message changed after it was stored (edited, revoked, its kind read again, its
-- media or content rewritten): its chat row takes the new values. One probe of the chats key
-- per updated message; the values are computed only for the chat whose last message it is.
-- Not on insert: a new last message is written by the chat upsert that makes it the last.
CREATE TRIGGER `chats_kept_kind_on_message_update`
	AFTER UPDATE OF `type`, `text`, `revoked_at`, `sender_jid`, `sender_name`, `media`, `content` ON `messages`
BEGIN
	UPDATE `chats` SET (`last_message_type`, `last_message_text`, `last_message_revoked`, `last_message_sender`,
			`last_message_sender_name`, `last_message_file_name`, `last_message_seconds`, `last_message_voice_note`,
			`last_message_video_note`, `last_message_poll_name`) = (
		SELECT new.type, substr(new.text, 1, 200), new.revoked_at IS NOT NULL, new.sender_jid, new.sender_name,
			CASE WHEN json_type(new.media, '$.fileName') = 'text' THEN new.media ->> '$.fileName' END,
			CASE WHEN json_type(new.media, '$.seconds') IN ('integer', 'real') THEN new.media ->> '$.seconds' END,
			coalesce(new.media ->> '$.voiceNote' = 1, 0), coalesce(new.content ->> '$.videoNote' = 1, 0),
			CASE WHEN new.type = 'poll' AND json_type(new.content, '$.name') = 'text' THEN new.content ->> '$.name' END)
	WHERE `session_id` = new.`session_id` AND `jid` = new.`chat_jid` AND `last_message_id` = new.`id`;
END;
--> statement-breakpoint
-- A chat's last message row removed (retention, forgetting a contact, a deleted number's history,
-- a chat erased): nothing is kept of it, as `messages` no longer has it.
CREATE TRIGGER `chats_kept_kind_on_message_delete` AFTER DELETE ON `messages` BEGIN
	UPDATE `chats` SET `last_message_type` = NULL, `last_message_text` = NULL, `last_message_revoked` = NULL,
		`last_message_sender` = NULL, `last_message_sender_name` = NULL, `last_message_file_name` = NULL,
		`last_message_seconds` = NULL, `last_message_voice_note` = NULL, `last_message_video_note` = NULL,
		`last_message_poll_name` = NULL
	WHERE `session_id` = old.`session_id` AND `jid` = old.`chat_jid` AND `last_message_id` = old.`id`
		AND `last_message_type` IS NOT NULL;
END;
