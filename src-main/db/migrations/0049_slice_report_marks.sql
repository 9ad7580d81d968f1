-- History ingest at speed (issues #27, #23 target 4): a history slice writes its report marks
-- set-wise, one statement per slice (services/messages/slice-writes.ts), so the per-row trigger
-- steps aside while the slice's rows go in: `bulk_slice()` (db/bulk-slice.ts) is 1 only inside
-- that, on that connection. Every other insert (live messages, tests' SQL, other paths) is marked
-- by the trigger as before; the marks mean what they meant (0028, 0035).
DROP TRIGGER `report_dirty_on_message`;
--> statement-breakpoint
CREATE TRIGGER `report_dirty_on_message` AFTER INSERT ON `messages` WHEN substr(new.chat_jid, -5) <> '@g.us'
  AND NOT bulk_slice()
  AND NOT EXISTS (SELECT 1 FROM report_dirty_chats d WHERE d.session_id = new.session_id AND d.chat_jid = new.chat_jid
    AND d.since <= new.timestamp) BEGIN
  INSERT INTO report_dirty_chats (session_id, chat_jid, since) VALUES (new.session_id, new.chat_jid, new.timestamp)
    ON CONFLICT (session_id, chat_jid) DO UPDATE SET since = min(since, excluded.since);
END;
