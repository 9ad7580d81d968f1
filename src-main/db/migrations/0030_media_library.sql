-- The media library (issue #26 point 6): files uploaded once (POST /media) and sent by id. The
-- bytes live in the content-addressed media store (`media_files`, `<dataDir>/media`) like
-- received media; a row per upload, newest first by row id (the list's cursor), swept when it
-- expires (the hourly prune), removed with its number (session purge).
CREATE TABLE `media_library` (
	`row_id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`session_id` text,
	`type` text NOT NULL,
	`sha256` text NOT NULL,
	`mimetype` text NOT NULL,
	`size` integer NOT NULL,
	`file_name` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `media_library_id_idx` ON `media_library` (`id`);
--> statement-breakpoint
CREATE INDEX `media_library_session_idx` ON `media_library` (`session_id`,`row_id`);
--> statement-breakpoint
CREATE INDEX `media_library_expires_idx` ON `media_library` (`expires_at`);
--> statement-breakpoint
CREATE INDEX `media_library_sha256_idx` ON `media_library` (`sha256`);
