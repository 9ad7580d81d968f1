-- WhatsApp parity (issue #19): a message starred on the number (here, on the phone or another
-- linked device; app-state `star`), with the time it was starred. The "Starred" view of a chat
-- reads the few starred messages from their partial index, newest first.
ALTER TABLE `messages` ADD `starred_at` integer;
--> statement-breakpoint
CREATE INDEX `messages_starred_idx` ON `messages` (`session_id`,`chat_jid`,`timestamp`) WHERE "messages"."starred_at" IS NOT NULL;
