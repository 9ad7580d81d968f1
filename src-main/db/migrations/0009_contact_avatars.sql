CREATE TABLE `contact_avatars` (
	`session_id` text NOT NULL,
	`jid` text NOT NULL,
	`sha256` text,
	`mimetype` text,
	`fetched_at` integer NOT NULL,
	`refresh_after` integer NOT NULL,
	PRIMARY KEY(`session_id`, `jid`)
);
