-- Issue #23 target 3 (bytes per message): an index every message paid for twice. `created_at`
-- (~26 B per message, read by nothing) stays: dropping a column rewrites every row at start-up
-- (minutes and gigabytes of WAL at 10M messages) and frees no page of the old rows.
--
-- `messages_session_id_idx` (session, id) answered GET /sessions/{id}/messages/{msgId}; the
-- identity index held the same columns plus the chat, in another order. The identity index
-- now leads with (session, id), so it answers that lookup and the identity check alike, and
-- the second index (~39 B per message) is gone. UNIQUE does not depend on the column order,
-- and the `ON CONFLICT (session_id, chat_jid, id)` of the writers still names it.
DROP INDEX `messages_session_id_idx`;
--> statement-breakpoint
DROP INDEX `messages_identity_idx`;
--> statement-breakpoint
CREATE UNIQUE INDEX `messages_identity_idx` ON `messages` (`session_id`,`id`,`chat_jid`);
