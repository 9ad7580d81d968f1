-- Inbox view counts kept on write (issue #16): one row per (number, person, team, status) with
-- how many chats have exactly that, so Mine / Unassigned / a team / All are sums over a few
-- rows instead of counts over 100k index entries. '' stands for "nobody" / "no team" (a NULL
-- key would never match its own row). Kept by triggers on `chats`, so every writer (messages,
-- history sync, contacts import, groups, assignment, routing, forgetting a contact, the purge)
-- keeps them right without knowing about them; docs/ARCHITECTURE.md says why and what it costs.
CREATE TABLE `chat_view_counts` (
	`session_id` text NOT NULL,
	`assignee_user_id` text NOT NULL,
	`assignee_team_id` text NOT NULL,
	`status` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`session_id`, `assignee_user_id`, `assignee_team_id`, `status`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `chat_view_counts` (`session_id`, `assignee_user_id`, `assignee_team_id`, `status`, `n`)
SELECT `session_id`, coalesce(`assignee_user_id`, ''), coalesce(`assignee_team_id`, ''), `status`, count(*)
  FROM `chats` GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
CREATE TRIGGER `chats_view_counts_insert` AFTER INSERT ON `chats` BEGIN
  INSERT INTO `chat_view_counts` (`session_id`, `assignee_user_id`, `assignee_team_id`, `status`, `n`)
  VALUES (NEW.`session_id`, coalesce(NEW.`assignee_user_id`, ''), coalesce(NEW.`assignee_team_id`, ''), NEW.`status`, 1)
  ON CONFLICT DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `chats_view_counts_delete` AFTER DELETE ON `chats` BEGIN
  UPDATE `chat_view_counts` SET `n` = `n` - 1
   WHERE `session_id` = OLD.`session_id` AND `assignee_user_id` = coalesce(OLD.`assignee_user_id`, '')
     AND `assignee_team_id` = coalesce(OLD.`assignee_team_id`, '') AND `status` = OLD.`status`;
END;
--> statement-breakpoint
CREATE TRIGGER `chats_view_counts_update` AFTER UPDATE OF `session_id`, `status`, `assignee_user_id`, `assignee_team_id` ON `chats`
WHEN OLD.`session_id` IS NOT NEW.`session_id` OR OLD.`status` IS NOT NEW.`status`
  OR OLD.`assignee_user_id` IS NOT NEW.`assignee_user_id` OR OLD.`assignee_team_id` IS NOT NEW.`assignee_team_id`
BEGIN
  UPDATE `chat_view_counts` SET `n` = `n` - 1
   WHERE `session_id` = OLD.`session_id` AND `assignee_user_id` = coalesce(OLD.`assignee_user_id`, '')
     AND `assignee_team_id` = coalesce(OLD.`assignee_team_id`, '') AND `status` = OLD.`status`;
  INSERT INTO `chat_view_counts` (`session_id`, `assignee_user_id`, `assignee_team_id`, `status`, `n`)
  VALUES (NEW.`session_id`, coalesce(NEW.`assignee_user_id`, ''), coalesce(NEW.`assignee_team_id`, ''), NEW.`status`, 1)
  ON CONFLICT DO UPDATE SET `n` = `n` + 1;
END;
