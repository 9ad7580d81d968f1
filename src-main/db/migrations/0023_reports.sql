-- Reports (issue #24): the messages of a period on a number, in time order, for the conversation
-- fold and the counts (services/reports/). Two partial indexes, so every message is in exactly one
-- of them (one more index write per message): incoming messages with their chat, and our messages
-- with their chat and who sent them (`sent_by`, the actor JSON of migration 0013). The columns of
-- the condition are in them too, so a report reads the indexes alone (SQLite covers a query only
-- with columns the index holds). Assignment history by time: the status and assignee changes of a
-- period.
CREATE INDEX `messages_report_in_idx` ON `messages` (`session_id`, `timestamp`, `chat_jid`, `from_me`, `type`) WHERE "messages"."from_me" = 0 AND "messages"."type" <> 'waiting';
--> statement-breakpoint
CREATE INDEX `messages_report_out_idx` ON `messages` (`session_id`, `timestamp`, `chat_jid`, `sent_by`, `from_me`) WHERE "messages"."from_me" = 1;
--> statement-breakpoint
CREATE INDEX `chat_assignment_history_at_idx` ON `chat_assignment_history` (`at`);
