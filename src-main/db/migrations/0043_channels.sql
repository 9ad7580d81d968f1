-- Channels (WhatsApp newsletters, issue #19): the channels a number follows or owns, kept here
-- because WhatsApp has no "list my channels" call; written when the number follows, unfollows or
-- creates one (services/channels/). The posts themselves are ordinary messages of the channel's
-- chat (kind 'newsletter'); `channel_posts` adds what only channels have: WhatsApp's server id of
-- each post (reactions address a post by it) and the reaction counts last read from WhatsApp.
CREATE TABLE `channels` (
	`session_id` text NOT NULL,
	`jid` text NOT NULL,
	`name` text NOT NULL,
	`description` text NOT NULL DEFAULT '',
	`invite_code` text,
	`role` text NOT NULL,
	`followers` integer,
	`followed_at` integer NOT NULL,
	PRIMARY KEY(`session_id`, `jid`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `channel_posts` (
	`session_id` text NOT NULL,
	`channel_jid` text NOT NULL,
	`message_id` text NOT NULL,
	`server_id` text NOT NULL,
	`reactions` text NOT NULL DEFAULT '{}',
	`counted_at` integer,
	PRIMARY KEY(`session_id`, `channel_jid`, `message_id`)
) WITHOUT ROWID;
