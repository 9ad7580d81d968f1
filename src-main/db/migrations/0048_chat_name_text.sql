-- Issue #28: the name filter `q` checked from the walked index, without reading the chat's row.
-- Written by hand: drizzle-kit renders neither expression indexes nor triggers.
--
-- When a name is found in more chats than are worth sorting, the list walks its order and applies
-- the LIKE on each row. That LIKE read the chat's row and its contact's (two random B-tree seeks,
-- ~15-60 µs each on the loaded 2-core machine, against ~0.3 µs for the next index entry), so a
-- page of a name held by 5 % of chats cost ~30 ms at 100k chats. `name_text` holds, folded into
-- one value, every name the LIKE reads besides the JID: the chat's name, its contact's saved,
-- profile and verified names, joined by U+001F (a text without that character matches the joined
-- value exactly where it matches one of the names; services/chats/list/name-match.ts). It is the
-- last column of the two order indexes that hold every chat, so a walk of either checks the name
-- (and the JID, already there) in the index alone and reads only the rows it returns.
ALTER TABLE `chats` ADD `name_text` text;
--> statement-breakpoint
-- Filled once at the first start after the upgrade (one pass over chats, one contact lookup each).
UPDATE `chats` SET `name_text` = nullif(coalesce(
	(SELECT concat_ws(char(31), `chats`.`name`, ct.`name`, ct.`notify`, ct.`verified_name`) FROM `contacts` ct
		WHERE ct.`session_id` = `chats`.`session_id` AND ct.`jid` = `chats`.`jid`),
	`chats`.`name`, ''), '');
--> statement-breakpoint
DROP INDEX `chats_session_order_idx`;
--> statement-breakpoint
CREATE INDEX `chats_session_order_idx` ON `chats` (`session_id`, coalesce("last_message_at", 0), `jid`, `name_text`);
--> statement-breakpoint
DROP INDEX `chats_status_order_idx`;
--> statement-breakpoint
CREATE INDEX `chats_status_order_idx` ON `chats` (`status`, coalesce("last_message_at", 0), `session_id`, `jid`, `assignee_user_id`, `assignee_team_id`, `name_text`);
--> statement-breakpoint
-- Kept in sync in the writer's transaction, like the name documents of chat_names_fts (migration
-- 0011): a new chat with a name or a contact, a renamed chat, and any change of its contact's names.
-- A new chat with neither (most of a history sync's 1:1 chats arrive before their contact) costs
-- one probe of the contacts key.
CREATE TRIGGER `chats_name_text_on_insert` AFTER INSERT ON `chats`
	WHEN new.`name` IS NOT NULL OR EXISTS (SELECT 1 FROM `contacts` WHERE `session_id` = new.`session_id` AND `jid` = new.`jid`) BEGIN
	UPDATE `chats` SET `name_text` = nullif(coalesce(
		(SELECT concat_ws(char(31), `chats`.`name`, ct.`name`, ct.`notify`, ct.`verified_name`) FROM `contacts` ct
			WHERE ct.`session_id` = `chats`.`session_id` AND ct.`jid` = `chats`.`jid`),
		`chats`.`name`, ''), '')
	WHERE `session_id` = new.`session_id` AND `jid` = new.`jid`;
END;
--> statement-breakpoint
CREATE TRIGGER `chats_name_text_on_rename` AFTER UPDATE OF `name` ON `chats` WHEN old.`name` IS NOT new.`name` BEGIN
	UPDATE `chats` SET `name_text` = nullif(coalesce(
		(SELECT concat_ws(char(31), `chats`.`name`, ct.`name`, ct.`notify`, ct.`verified_name`) FROM `contacts` ct
			WHERE ct.`session_id` = `chats`.`session_id` AND ct.`jid` = `chats`.`jid`),
		`chats`.`name`, ''), '')
	WHERE `session_id` = new.`session_id` AND `jid` = new.`jid`;
END;
--> statement-breakpoint
CREATE TRIGGER `chats_name_text_on_contact_insert` AFTER INSERT ON `contacts` BEGIN
	UPDATE `chats` SET `name_text` = nullif(coalesce(
		(SELECT concat_ws(char(31), `chats`.`name`, ct.`name`, ct.`notify`, ct.`verified_name`) FROM `contacts` ct
			WHERE ct.`session_id` = `chats`.`session_id` AND ct.`jid` = `chats`.`jid`),
		`chats`.`name`, ''), '')
	WHERE `session_id` = new.`session_id` AND `jid` = new.`jid`;
END;
--> statement-breakpoint
CREATE TRIGGER `chats_name_text_on_contact_update` AFTER UPDATE OF `name`, `notify`, `verified_name` ON `contacts`
	WHEN old.`name` IS NOT new.`name` OR old.`notify` IS NOT new.`notify` OR old.`verified_name` IS NOT new.`verified_name` BEGIN
	UPDATE `chats` SET `name_text` = nullif(coalesce(
		(SELECT concat_ws(char(31), `chats`.`name`, ct.`name`, ct.`notify`, ct.`verified_name`) FROM `contacts` ct
			WHERE ct.`session_id` = `chats`.`session_id` AND ct.`jid` = `chats`.`jid`),
		`chats`.`name`, ''), '')
	WHERE `session_id` = new.`session_id` AND `jid` = new.`jid`;
END;
--> statement-breakpoint
CREATE TRIGGER `chats_name_text_on_contact_delete` AFTER DELETE ON `contacts` BEGIN
	UPDATE `chats` SET `name_text` = `name` WHERE `session_id` = old.`session_id` AND `jid` = old.`jid`;
END;
