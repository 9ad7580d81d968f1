-- Reports at speed, "waiting now" (issue #24): the open customer chats whose newest message is
-- the customer's, by number and assignee, with the newest message's time for "oldest waiting",
-- read from an index that holds only them instead of walking every open chat and looking each
-- one up (services/reports/report-queries.ts). A chat enters on a customer message after our
-- reply and leaves on our next one; the columns of its condition are in it so it is covering.
CREATE INDEX `chats_waiting_idx` ON `chats` (`session_id`, `assignee_user_id`, `assignee_team_id`, `last_message_at`, `status`, `kind`, `last_message_from_me`) WHERE "chats"."status" = 'open' AND "chats"."kind" = 'user' AND "chats"."last_message_from_me" = 0 AND "chats"."last_message_at" IS NOT NULL;
