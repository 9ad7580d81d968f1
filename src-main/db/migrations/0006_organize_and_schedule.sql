CREATE TABLE `chat_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`chat_jid` text NOT NULL,
	`text` text NOT NULL,
	`author` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `chat_notes_chat_idx` ON `chat_notes` (`session_id`,`chat_jid`,`created_at`);--> statement-breakpoint
CREATE TABLE `chat_tags` (
	`session_id` text NOT NULL,
	`chat_jid` text NOT NULL,
	`tag_id` text NOT NULL,
	`added_by` text NOT NULL,
	`added_at` integer NOT NULL,
	`extra` text,
	PRIMARY KEY(`session_id`, `chat_jid`, `tag_id`),
	FOREIGN KEY (`tag_id`) REFERENCES `tags`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `chat_tags_tag_idx` ON `chat_tags` (`tag_id`);--> statement-breakpoint
CREATE TABLE `message_tags` (
	`session_id` text NOT NULL,
	`chat_jid` text NOT NULL,
	`message_id` text NOT NULL,
	`tag_id` text NOT NULL,
	`added_by` text NOT NULL,
	`added_at` integer NOT NULL,
	`extra` text,
	PRIMARY KEY(`session_id`, `chat_jid`, `message_id`, `tag_id`),
	FOREIGN KEY (`tag_id`) REFERENCES `tags`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `message_tags_tag_idx` ON `message_tags` (`tag_id`);--> statement-breakpoint
CREATE TABLE `saved_replies` (
	`id` text PRIMARY KEY NOT NULL,
	`shortcut` text NOT NULL,
	`title` text NOT NULL,
	`text` text NOT NULL,
	`media` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `saved_replies_shortcut_idx` ON `saved_replies` (lower("shortcut"));--> statement-breakpoint
CREATE TABLE `tag_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tag_id` text NOT NULL,
	`tag_name` text NOT NULL,
	`session_id` text NOT NULL,
	`chat_jid` text NOT NULL,
	`message_id` text,
	`action` text NOT NULL,
	`actor` text NOT NULL,
	`at` integer NOT NULL,
	`extra` text
);
--> statement-breakpoint
CREATE INDEX `tag_history_chat_idx` ON `tag_history` (`session_id`,`chat_jid`,`id`);--> statement-breakpoint
CREATE TABLE `tags` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`color` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tags_name_idx` ON `tags` (lower("name"));--> statement-breakpoint
CREATE TABLE `campaign_recipients` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` text NOT NULL,
	`position` integer NOT NULL,
	`input` text NOT NULL,
	`jid` text,
	`variables` text,
	`status` text NOT NULL,
	`error` text,
	`message_id` text,
	`sent_at` integer,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `campaign_recipients_next_idx` ON `campaign_recipients` (`campaign_id`,`status`,`position`);--> statement-breakpoint
CREATE UNIQUE INDEX `campaign_recipients_jid_idx` ON `campaign_recipients` (`campaign_id`,`jid`);--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`name` text NOT NULL,
	`template` text NOT NULL,
	`media` text,
	`media_type` text,
	`status` text NOT NULL,
	`delay_min_ms` integer NOT NULL,
	`delay_max_ms` integer NOT NULL,
	`daily_cap` integer,
	`working_hours` text,
	`next_send_at` integer,
	`created_at` integer NOT NULL,
	`started_at` integer,
	`finished_at` integer
);
--> statement-breakpoint
CREATE INDEX `campaigns_status_idx` ON `campaigns` (`status`,`next_send_at`);--> statement-breakpoint
CREATE TABLE `opt_outs` (
	`session_id` text NOT NULL,
	`jid` text NOT NULL,
	`reason` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `opt_outs_idx` ON `opt_outs` (`session_id`,`jid`);--> statement-breakpoint
CREATE TABLE `schedules` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`message` text NOT NULL,
	`send_at` integer NOT NULL,
	`time_zone` text NOT NULL,
	`repeat` text,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`sent_at` integer,
	`sent_message_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `schedules_due_idx` ON `schedules` (`status`,`send_at`);--> statement-breakpoint
CREATE INDEX `schedules_session_idx` ON `schedules` (`session_id`,`send_at`);