-- Inbox view counts (issue #16): Unassigned, a team's and All are counted over their partial
-- indexes; the conditions a count checks (nobody assigned, an "assigned" reader's own chats)
-- read `assignee_user_id` / `assignee_team_id`, so those columns are appended to the indexes
-- (after the list order, which the chat list still walks unchanged) and each count reads the
-- index alone, never the chats table.
DROP INDEX `chats_unassigned_order_idx`;
--> statement-breakpoint
CREATE INDEX `chats_unassigned_order_idx` ON `chats` (`status`, coalesce("last_message_at", 0), `session_id`, `jid`, `assignee_user_id`, `assignee_team_id`) WHERE "chats"."assignee_user_id" IS NULL;
--> statement-breakpoint
DROP INDEX `chats_team_order_idx`;
--> statement-breakpoint
CREATE INDEX `chats_team_order_idx` ON `chats` (`assignee_team_id`, `status`, coalesce("last_message_at", 0), `session_id`, `jid`, `assignee_user_id`) WHERE "chats"."assignee_team_id" IS NOT NULL;
--> statement-breakpoint
DROP INDEX `chats_status_order_idx`;
--> statement-breakpoint
CREATE INDEX `chats_status_order_idx` ON `chats` (`status`, coalesce("last_message_at", 0), `session_id`, `jid`, `assignee_user_id`, `assignee_team_id`);
