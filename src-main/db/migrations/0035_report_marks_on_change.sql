-- Ingest at speed (issue #27): a report mark (migration 0028) is written only when it changes.
-- A chat stays marked from its earliest unfolded change until the background fold (every 2 s)
-- clears it, so every later message of that chat left the mark as it was, yet paid for an upsert
-- (a row write) each time. Now the trigger looks the mark up first and writes only when the chat
-- is not marked or is marked from a later time: the same marks, one key lookup for most messages.
-- History slices are stored oldest first (services/messaging/wa-event-sink.ts), so a chat's mark
-- is written once per slice, by its oldest new message.
DROP TRIGGER `report_dirty_on_message`;
--> statement-breakpoint
CREATE TRIGGER `report_dirty_on_message` AFTER INSERT ON `messages` WHEN substr(new.chat_jid, -5) <> '@g.us'
  AND NOT EXISTS (SELECT 1 FROM report_dirty_chats d WHERE d.session_id = new.session_id AND d.chat_jid = new.chat_jid
    AND d.since <= new.timestamp) BEGIN
  INSERT INTO report_dirty_chats (session_id, chat_jid, since) VALUES (new.session_id, new.chat_jid, new.timestamp)
    ON CONFLICT (session_id, chat_jid) DO UPDATE SET since = min(since, excluded.since);
END;
--> statement-breakpoint
DROP TRIGGER `report_dirty_on_message_change`;
--> statement-breakpoint
CREATE TRIGGER `report_dirty_on_message_change` AFTER UPDATE OF `type`, `timestamp`, `from_me`, `sent_by` ON `messages` WHEN substr(new.chat_jid, -5) <> '@g.us'
  AND NOT EXISTS (SELECT 1 FROM report_dirty_chats d WHERE d.session_id = new.session_id AND d.chat_jid = new.chat_jid
    AND d.since <= min(old.timestamp, new.timestamp)) BEGIN
  INSERT INTO report_dirty_chats (session_id, chat_jid, since) VALUES (new.session_id, new.chat_jid, min(old.timestamp, new.timestamp))
    ON CONFLICT (session_id, chat_jid) DO UPDATE SET since = min(since, excluded.since);
END;
