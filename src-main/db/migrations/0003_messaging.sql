CREATE TABLE `events` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`session_id` text,
	`timestamp` text NOT NULL,
	`data` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `events_session_idx` ON `events` (`session_id`,`id`);--> statement-breakpoint
CREATE TABLE `webhook_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`delivery_id` integer NOT NULL,
	`attempted_at` integer NOT NULL,
	`status_code` integer,
	`latency_ms` integer NOT NULL,
	`error` text,
	`response_excerpt` text,
	FOREIGN KEY (`delivery_id`) REFERENCES `webhook_deliveries`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `webhook_attempts_delivery_idx` ON `webhook_attempts` (`delivery_id`);--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`webhook_id` text NOT NULL,
	`event_id` text NOT NULL,
	`order_key` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_status_code` integer,
	`last_error` text,
	`created_at` integer NOT NULL,
	`delivered_at` integer,
	FOREIGN KEY (`webhook_id`) REFERENCES `webhooks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `webhook_deliveries_due_idx` ON `webhook_deliveries` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `webhook_deliveries_order_idx` ON `webhook_deliveries` (`order_key`,`id`);--> statement-breakpoint
CREATE INDEX `webhook_deliveries_webhook_idx` ON `webhook_deliveries` (`webhook_id`,`id`);--> statement-breakpoint
CREATE TABLE `webhooks` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`url` text NOT NULL,
	`session_id` text,
	`event_types` text,
	`secret` text NOT NULL,
	`headers` text,
	`enabled` integer DEFAULT true NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `calls` (
	`session_id` text NOT NULL,
	`id` text NOT NULL,
	`peer_jid` text NOT NULL,
	`is_video` integer NOT NULL,
	`is_group` integer NOT NULL,
	`status` text NOT NULL,
	`timestamp` integer NOT NULL,
	`reject_message` text,
	PRIMARY KEY(`session_id`, `id`)
);
--> statement-breakpoint
CREATE INDEX `calls_time_idx` ON `calls` (`session_id`,`timestamp`);--> statement-breakpoint
CREATE TABLE `chats` (
	`session_id` text NOT NULL,
	`jid` text NOT NULL,
	`kind` text NOT NULL,
	`name` text,
	`unread_count` integer DEFAULT 0 NOT NULL,
	`last_message_id` text,
	`last_message_at` integer,
	`last_message_preview` text,
	`last_message_from_me` integer,
	`last_message_status` text,
	`archived` integer DEFAULT false NOT NULL,
	`pinned_at` integer,
	`muted_until` integer,
	`read_only` integer DEFAULT false NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`session_id`, `jid`)
);
--> statement-breakpoint
CREATE INDEX `chats_session_recent_idx` ON `chats` (`session_id`,`last_message_at`);--> statement-breakpoint
CREATE INDEX `chats_recent_idx` ON `chats` (`last_message_at`);--> statement-breakpoint
CREATE TABLE `contacts` (
	`session_id` text NOT NULL,
	`jid` text NOT NULL,
	`lid` text,
	`phone` text,
	`name` text,
	`notify` text,
	`verified_name` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`session_id`, `jid`)
);
--> statement-breakpoint
CREATE INDEX `contacts_lid_idx` ON `contacts` (`session_id`,`lid`);--> statement-breakpoint
CREATE TABLE `group_participants` (
	`session_id` text NOT NULL,
	`group_jid` text NOT NULL,
	`jid` text NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`session_id`, `group_jid`, `jid`)
);
--> statement-breakpoint
CREATE TABLE `groups` (
	`session_id` text NOT NULL,
	`jid` text NOT NULL,
	`kind` text NOT NULL,
	`subject` text NOT NULL,
	`description` text,
	`owner_jid` text,
	`announce` integer DEFAULT false NOT NULL,
	`restrict` integer DEFAULT false NOT NULL,
	`is_community` integer DEFAULT false NOT NULL,
	`participant_count` integer DEFAULT 0 NOT NULL,
	`created_at_wa` integer,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`session_id`, `jid`)
);
--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`scope` text NOT NULL,
	`key` text NOT NULL,
	`response` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`scope`, `key`)
);
--> statement-breakpoint
CREATE TABLE `media_files` (
	`sha256` text PRIMARY KEY NOT NULL,
	`mimetype` text NOT NULL,
	`size` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `message_reactions` (
	`session_id` text NOT NULL,
	`chat_jid` text NOT NULL,
	`message_id` text NOT NULL,
	`sender_jid` text NOT NULL,
	`emoji` text NOT NULL,
	`timestamp` integer NOT NULL,
	PRIMARY KEY(`session_id`, `chat_jid`, `message_id`, `sender_jid`)
);
--> statement-breakpoint
CREATE TABLE `messages` (
	`row_id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` text NOT NULL,
	`chat_jid` text NOT NULL,
	`id` text NOT NULL,
	`from_me` integer NOT NULL,
	`sender_jid` text,
	`sender_name` text,
	`type` text NOT NULL,
	`text` text,
	`media` text,
	`content` text,
	`quoted_id` text,
	`mentions` text,
	`status` text NOT NULL,
	`timestamp` integer NOT NULL,
	`edited_at` integer,
	`revoked_at` integer,
	`forwarded` integer DEFAULT false NOT NULL,
	`raw` blob,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `messages_identity_idx` ON `messages` (`session_id`,`chat_jid`,`id`);--> statement-breakpoint
CREATE INDEX `messages_chat_time_idx` ON `messages` (`session_id`,`chat_jid`,`timestamp`);