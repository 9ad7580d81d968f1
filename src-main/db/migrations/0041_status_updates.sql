-- Status updates (stories, issue #19): the contacts' posts a number received and its own posts,
-- with seen / not seen. WhatsApp keeps a Status 24 hours: `expires_at` is posted_at + 24 h and
-- the hourly sweep deletes the rows after it (their media files go with the media store's own
-- pruning of unreferenced files). Rows also leave with their number (session purge).
CREATE TABLE `status_updates` (
	`session_id` text NOT NULL,
	`id` text NOT NULL,
	`poster_jid` text NOT NULL,
	`poster_name` text,
	`from_me` integer NOT NULL,
	`kind` text NOT NULL,
	`text` text,
	`background_color` text,
	`font` integer,
	`mimetype` text,
	`media_sha256` text,
	`media_size` integer,
	`audience` text,
	`posted_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`seen_at` integer,
	`raw` blob,
	PRIMARY KEY(`session_id`, `id`)
);
--> statement-breakpoint
CREATE INDEX `status_updates_posted_idx` ON `status_updates` (`session_id`,`posted_at`);
--> statement-breakpoint
CREATE INDEX `status_updates_expiry_idx` ON `status_updates` (`expires_at`);
