CREATE TABLE `label_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` text NOT NULL,
	`label_id` text NOT NULL,
	`chat_jid` text DEFAULT '' NOT NULL,
	`message_id` text DEFAULT '' NOT NULL,
	`action` text NOT NULL,
	`name` text,
	`color` integer,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `label_outbox_key_idx` ON `label_outbox` (`session_id`,`label_id`,`chat_jid`,`message_id`);
