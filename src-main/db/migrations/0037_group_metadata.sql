-- Groups from our own store (issue #19): the settings WhatsApp reports (join approval), the
-- invite code once known, how the group names its participants (phone number or LID), and when
-- its metadata was last fetched from WhatsApp (events keep it current in between; a stale or
-- missing group is fetched again). Participants keep their LID beside the phone-number JID.
ALTER TABLE `groups` ADD `join_approval` integer DEFAULT false NOT NULL;
--> statement-breakpoint
ALTER TABLE `groups` ADD `invite_code` text;
--> statement-breakpoint
ALTER TABLE `groups` ADD `addressing` text DEFAULT 'pn' NOT NULL;
--> statement-breakpoint
ALTER TABLE `groups` ADD `fetched_at` integer;
--> statement-breakpoint
ALTER TABLE `group_participants` ADD `lid` text;
--> statement-breakpoint
-- Who asked to join a group by link while admins approve newcomers, until an admin decides (or
-- the person withdraws). Keyed by number: removed with the number's history (session purge).
CREATE TABLE `group_join_requests` (
	`session_id` text NOT NULL,
	`group_jid` text NOT NULL,
	`jid` text NOT NULL,
	`lid` text,
	`method` text,
	`requested_at` integer NOT NULL,
	PRIMARY KEY(`session_id`, `group_jid`, `jid`)
);
