-- The chat list orders by coalesce(last_message_at, 0) DESC, session_id DESC, jid DESC (chats
-- without messages last, a stable tie-break for the keyset cursor). Indexes on exactly those
-- expressions make every page an index walk, with and without a session filter.
-- (drizzle-kit renders expression index columns wrongly; the index lines are written by hand
-- and match the snapshot.)
DROP INDEX `chats_session_recent_idx`;--> statement-breakpoint
DROP INDEX `chats_recent_idx`;--> statement-breakpoint
CREATE INDEX `chats_session_order_idx` ON `chats` (`session_id`,coalesce("last_message_at", 0),`jid`);--> statement-breakpoint
CREATE INDEX `chats_order_idx` ON `chats` (coalesce("last_message_at", 0),`session_id`,`jid`);
