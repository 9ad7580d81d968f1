CREATE TABLE `tag_labels` (
	`tag_id` text NOT NULL,
	`session_id` text NOT NULL,
	`label_id` text NOT NULL,
	`synced_name` text NOT NULL,
	`synced_color` integer NOT NULL,
	`linked_at` integer NOT NULL,
	PRIMARY KEY(`tag_id`, `session_id`),
	FOREIGN KEY (`tag_id`) REFERENCES `tags`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tag_labels_label_idx` ON `tag_labels` (`session_id`,`label_id`);--> statement-breakpoint
CREATE TABLE `tag_label_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tag_id` text NOT NULL,
	`tag_name` text NOT NULL,
	`session_id` text NOT NULL,
	`label_id` text NOT NULL,
	`origin` text NOT NULL,
	`change` text NOT NULL,
	`before` text,
	`after` text,
	`conflict` integer DEFAULT 0 NOT NULL,
	`actor` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `tag_label_history_tag_idx` ON `tag_label_history` (`tag_id`,`id`);
