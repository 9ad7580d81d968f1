-- Issue #23 target 3 (bytes per message): two things every message paid for and nothing read.
-- Written by hand (drizzle-kit would rebuild the table to drop the column).
--
-- 1. `messages_session_id_idx` (session, id) answered GET /sessions/{id}/messages/{msgId}; the
--    identity index held the same columns plus the chat, in another order. The identity index
--    now leads with (session, id), so it answers that lookup and the identity check alike, and
--    the second index (~39 B per message) is gone. UNIQUE does not depend on the column order,
--    and the `ON CONFLICT (session_id, chat_jid, id)` of the writers still names it.
DROP INDEX `messages_session_id_idx`;
--> statement-breakpoint
DROP INDEX `messages_identity_idx`;
--> statement-breakpoint
CREATE UNIQUE INDEX `messages_identity_idx` ON `messages` (`session_id`,`id`,`chat_jid`);
--> statement-breakpoint
-- 2. `created_at` (when the row was stored, ISO text, ~26 B per message) was selected and never
--    used: a message's time is WhatsApp's `timestamp`. DROP COLUMN rewrites each row in place
--    (old pages keep their room until a VACUUM; new rows are smaller).
ALTER TABLE `messages` DROP COLUMN `created_at`;
