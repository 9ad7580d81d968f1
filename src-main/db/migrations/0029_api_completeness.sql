-- API completeness (issue #26). The call log across numbers (GET /calls) walks the calls of every
-- number in time order; the entries end with the row id, the cursor's tie-breaker.
CREATE INDEX `calls_at_idx` ON `calls` (`timestamp`);
--> statement-breakpoint
-- Usage per key (services/access/key-usage.ts): requests per day by kind, with 4xx and 5xx apart,
-- written in batches from memory; and each key's last use (time, address). Keyed by the key id.
CREATE TABLE `api_key_usage` (
	`key_id` text NOT NULL,
	`day` text NOT NULL,
	`kind` text NOT NULL,
	`requests` integer DEFAULT 0 NOT NULL,
	`client_errors` integer DEFAULT 0 NOT NULL,
	`server_errors` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`key_id`, `day`, `kind`)
);
--> statement-breakpoint
CREATE INDEX `api_key_usage_day_idx` ON `api_key_usage` (`day`);
--> statement-breakpoint
CREATE TABLE `api_key_last_use` (
	`key_id` text PRIMARY KEY NOT NULL,
	`at` integer NOT NULL,
	`address` text
);
