-- Human-paced group sends (issue #26 point 5): an API send to a group waits a random 2–5 s
-- before it goes out. The waiting send lives here, not only in a timer, so a send accepted during
-- the pause survives a kill: at start every row is sent (the overdue ones at once). `id` is the
-- WhatsApp message id chosen when the send was accepted, so the later `message.sent` carries it
-- and a resend after a crash mid-send reuses it. Rows leave when sent or failed for good, and
-- with their number (session purge).
CREATE TABLE `paced_sends` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`chat_jid` text NOT NULL,
	`input` text NOT NULL,
	`actor` text NOT NULL,
	`idempotency_key` text,
	`send_at` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `paced_sends_due_idx` ON `paced_sends` (`send_at`);
--> statement-breakpoint
CREATE INDEX `paced_sends_session_idx` ON `paced_sends` (`session_id`,`chat_jid`);
