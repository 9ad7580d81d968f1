-- Webhooks owned by a person (issue #26 point 12): a webhook created by a person (signed in, or
-- with their personal token) receives only the events its owner may read; null is a webhook of
-- the admin key, a named key, a session key or the desktop (everything its filters let through).
-- Deleting the person deletes their webhooks (and, through webhook_deliveries' own cascade, the
-- deliveries): handing them to nobody would widen what they receive.
ALTER TABLE `webhooks` ADD `owner_user_id` text REFERENCES users(id) ON DELETE cascade;
--> statement-breakpoint
CREATE INDEX `webhooks_owner_idx` ON `webhooks` (`owner_user_id`);
