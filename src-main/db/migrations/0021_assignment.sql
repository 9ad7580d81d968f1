-- Assignment (issue #16): each chat's status, snooze and assignee (a person, a team, or nobody),
-- and the history of every change. Columns on `chats`, so the inbox views (Mine, Unassigned, a
-- team, each per status) are partial indexes on the chat list order, like 0011's filters.
ALTER TABLE `chats` ADD `status` text DEFAULT 'open' NOT NULL;
--> statement-breakpoint
ALTER TABLE `chats` ADD `snoozed_until` integer;
--> statement-breakpoint
ALTER TABLE `chats` ADD `assignee_user_id` text;
--> statement-breakpoint
ALTER TABLE `chats` ADD `assignee_team_id` text;
--> statement-breakpoint
CREATE INDEX `chats_mine_order_idx` ON `chats` (`assignee_user_id`, `status`, coalesce("last_message_at", 0), `session_id`, `jid`) WHERE "chats"."assignee_user_id" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX `chats_unassigned_order_idx` ON `chats` (`status`, coalesce("last_message_at", 0), `session_id`, `jid`) WHERE "chats"."assignee_user_id" IS NULL;
--> statement-breakpoint
CREATE INDEX `chats_team_order_idx` ON `chats` (`assignee_team_id`, `status`, coalesce("last_message_at", 0), `session_id`, `jid`) WHERE "chats"."assignee_team_id" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX `chats_status_order_idx` ON `chats` (`status`, coalesce("last_message_at", 0), `session_id`, `jid`);
--> statement-breakpoint
CREATE TABLE `chat_assignment_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` text NOT NULL,
	`chat_jid` text NOT NULL,
	`at` integer NOT NULL,
	`change` text NOT NULL,
	`from_value` text,
	`to_value` text,
	`actor` text NOT NULL,
	`reason` text NOT NULL,
	`note` text
);
--> statement-breakpoint
CREATE INDEX `chat_assignment_history_chat_idx` ON `chat_assignment_history` (`session_id`, `chat_jid`, `id`);
--> statement-breakpoint
CREATE TABLE `chat_reads` (
	`user_id` text NOT NULL,
	`session_id` text NOT NULL,
	`chat_jid` text NOT NULL,
	`read_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `session_id`, `chat_jid`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `users` ADD `available` integer DEFAULT true NOT NULL;
