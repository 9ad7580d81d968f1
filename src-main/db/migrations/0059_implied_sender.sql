-- Issue #23 target 3 (bytes per message): a message we did not send in a chat that is not a
-- group is written by the chat itself, and from now on its row stores NULL in `sender_jid`
-- (services/messages/message-sender.ts) instead of repeating the chat's JID. Rows stored before
-- keep theirs: nothing is rewritten. Written by hand: drizzle-kit renders no triggers.
--
-- 0054's trigger copied `new.sender_jid` into the chat row when a chat's last message changes
-- (an edit, a revoke, a reclassified kind): it now copies the sender as every reader gets it,
-- the same expression as `senderColumn('new.')`, so the chat's last sender stays the chat's JID.
DROP TRIGGER `chats_kept_kind_on_message_update`;
--> statement-breakpoint
CREATE TRIGGER `chats_kept_kind_on_message_update`
	AFTER UPDATE OF `type`, `text`, `revoked_at`, `sender_jid`, `sender_name`, `media`, `content` ON `messages`
BEGIN
	UPDATE `chats` SET (`last_message_type`, `last_message_text`, `last_message_revoked`, `last_message_sender`,
			`last_message_sender_name`, `last_message_file_name`, `last_message_seconds`, `last_message_voice_note`,
			`last_message_video_note`, `last_message_poll_name`) = (
		SELECT new.type, substr(new.text, 1, 200), new.revoked_at IS NOT NULL,
			coalesce(new.sender_jid, CASE WHEN new.from_me = 0 AND substr(new.chat_jid, -5) <> '@g.us' THEN new.chat_jid END),
			new.sender_name,
			CASE WHEN json_type(new.media, '$.fileName') = 'text' THEN new.media ->> '$.fileName' END,
			CASE WHEN json_type(new.media, '$.seconds') IN ('integer', 'real') THEN new.media ->> '$.seconds' END,
			coalesce(new.media ->> '$.voiceNote' = 1, 0), coalesce(new.content ->> '$.videoNote' = 1, 0),
			CASE WHEN new.type = 'poll' AND json_type(new.content, '$.name') = 'text' THEN new.content ->> '$.name' END)
	WHERE `session_id` = new.`session_id` AND `jid` = new.`chat_jid` AND `last_message_id` = new.`id`;
END;
