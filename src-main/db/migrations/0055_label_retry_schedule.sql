-- Label sync (services/organize/labels/label-pusher.ts): the retries of a change WhatsApp refused
-- are kept on disk, counted in the transaction that records the refusal, so a restart (or a crash
-- loop) continues the schedule instead of starting it again. Old rows: no attempts, due now.
-- An outbox change (a label put on / taken off a chat or message, a label deleted):
ALTER TABLE `label_outbox` ADD `attempts` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `label_outbox` ADD `retry_at` integer;
--> statement-breakpoint
-- A rename/recolour has no outbox row (the tag ≠ `synced_*` is the pending change): its link
-- keeps its refusals, its next try, whether it was given up (not sent again until the tag
-- changes), and the name and colour they are about (a tag changed since has fresh tries, even
-- if a crash came between its change and the clearing of these).
ALTER TABLE `tag_labels` ADD `edit_attempts` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `tag_labels` ADD `edit_retry_at` integer;
--> statement-breakpoint
ALTER TABLE `tag_labels` ADD `edit_given_up` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `tag_labels` ADD `edit_name` text;
--> statement-breakpoint
ALTER TABLE `tag_labels` ADD `edit_color` integer;
