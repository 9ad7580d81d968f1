-- Staff accounts (issue #15): people, teams, per-number permissions, browser sign-in sessions,
-- personal tokens (rows of api_keys owned by a person), the audit log, and who sent each message.
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`login` text NOT NULL,
	`login_key` text NOT NULL,
	`role` text NOT NULL,
	`disabled` integer DEFAULT 0 NOT NULL,
	`password_hash` text,
	`pin_hash` text,
	`language` text,
	`setup_code_hash` text,
	`setup_code_expires_at` text,
	`password_changed_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CHECK (`role` IN ('owner', 'admin', 'agent'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_login_key_unique` ON `users` (`login_key`);--> statement-breakpoint
CREATE TABLE `teams` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `teams_name_key_unique` ON `teams` (`name_key`);--> statement-breakpoint
CREATE TABLE `team_members` (
	`team_id` text NOT NULL,
	`user_id` text NOT NULL,
	PRIMARY KEY(`team_id`, `user_id`),
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `team_members_user_idx` ON `team_members` (`user_id`);--> statement-breakpoint
CREATE TABLE `session_permissions` (
	`session_id` text NOT NULL,
	`user_id` text,
	`team_id` text,
	`read` text NOT NULL,
	`write` integer DEFAULT 0 NOT NULL,
	`can_use_tags` integer DEFAULT 0 NOT NULL,
	`can_manage_saved_replies` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	CHECK ((`user_id` IS NULL) <> (`team_id` IS NULL)),
	CHECK (`read` IN ('all', 'assigned', 'none'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `session_permissions_user_unique` ON `session_permissions` (`session_id`,`user_id`) WHERE `user_id` IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `session_permissions_team_unique` ON `session_permissions` (`session_id`,`team_id`) WHERE `team_id` IS NOT NULL;--> statement-breakpoint
CREATE INDEX `session_permissions_user_idx` ON `session_permissions` (`user_id`);--> statement-breakpoint
CREATE INDEX `session_permissions_team_idx` ON `session_permissions` (`team_id`);--> statement-breakpoint
CREATE TABLE `sign_in_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`csrf_token` text NOT NULL,
	`user_agent` text,
	`address` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`last_seen_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sign_in_sessions_token_unique` ON `sign_in_sessions` (`token_hash`);--> statement-breakpoint
CREATE INDEX `sign_in_sessions_user_idx` ON `sign_in_sessions` (`user_id`);--> statement-breakpoint
ALTER TABLE `api_keys` ADD `user_id` text REFERENCES users(id) ON DELETE cascade;--> statement-breakpoint
ALTER TABLE `api_keys` ADD `expires_at` text;--> statement-breakpoint
CREATE INDEX `api_keys_user_idx` ON `api_keys` (`user_id`) WHERE `user_id` IS NOT NULL;--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_type` text NOT NULL,
	`actor_id` text,
	`actor_name` text NOT NULL,
	`action` text NOT NULL,
	`target` text,
	`detail` text,
	`address` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_action_at_idx` ON `audit_log` (`action`,`at`);--> statement-breakpoint
ALTER TABLE `messages` ADD `sent_by` text;--> statement-breakpoint
ALTER TABLE `events` ADD `actor` text;
