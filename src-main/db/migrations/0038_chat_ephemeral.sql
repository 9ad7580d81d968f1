-- Disappearing messages (issue #19): a chat's timer in seconds (0: off), as WhatsApp last said it
-- (the phone, the contact, or Chatdock itself changing it; history sync).
ALTER TABLE `chats` ADD `ephemeral_seconds` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
-- Messages stored as `unknown` (a kind Chatdock could not show yet): read again from their raw
-- protobuf at each start (services/messages/reclassify-unknown.ts), cheaply through this index.
CREATE INDEX `messages_unknown_idx` ON `messages` (`row_id`) WHERE "messages"."type" = 'unknown';
