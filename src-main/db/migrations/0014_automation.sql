-- Automation per number (issue #17): settings, per-chat state, and the log of automatic messages.
CREATE TABLE `automation_settings` (
	`session_id` text PRIMARY KEY NOT NULL,
	`settings` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `automation_chats` (
	`session_id` text NOT NULL,
	`chat_jid` text NOT NULL,
	`last_inbound_at` integer,
	`away_sent_at` integer,
	`menu_path` text,
	`menu_at` integer,
	`paused_until` integer,
	`pause_reason` text,
	`stopped` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`session_id`, `chat_jid`)
);
--> statement-breakpoint
CREATE TABLE `automation_replies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` text NOT NULL,
	`chat_jid` text NOT NULL,
	`message_id` text NOT NULL,
	`kind` text NOT NULL,
	`rule` text NOT NULL,
	`sent_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `automation_replies_chat_idx` ON `automation_replies` (`session_id`,`chat_jid`,`sent_at`);
--> statement-breakpoint
CREATE INDEX `automation_replies_message_idx` ON `automation_replies` (`session_id`,`message_id`);
