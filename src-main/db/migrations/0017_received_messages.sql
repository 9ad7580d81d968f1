-- Every incoming WhatsApp message the app stored, by id, written in the transaction that stores it
-- and before WhatsApp gets its receipt (wa/received-messages.ts). A message WhatsApp delivers again
-- after a crash that kept its receipt from going out is recognised here and only receipted: its
-- Signal keys are spent, so decrypting it again would fail. Reactions, edits and protocol messages
-- count too (they have no row in `messages`). Rows older than WhatsApp's offline window are pruned.
CREATE TABLE `wa_received_messages` (
	`session_id` text NOT NULL,
	`chat_jid` text NOT NULL,
	`message_id` text NOT NULL,
	`received_at` integer NOT NULL,
	PRIMARY KEY(`session_id`, `chat_jid`, `message_id`),
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `wa_received_messages_time_idx` ON `wa_received_messages` (`received_at`);
