-- Channels are not conversations to assign (issue #19): a channel's chat (kind 'newsletter')
-- never counts in the inbox views (Mine, Unassigned, a team, All). The view counters' triggers
-- (migration 0027) skip such chats from now on, and what they had counted of them is taken
-- back. A chat's kind follows from its JID and never changes, so skipping on NEW / OLD suffices.
DROP TRIGGER `chats_view_counts_insert`;
--> statement-breakpoint
DROP TRIGGER `chats_view_counts_delete`;
--> statement-breakpoint
DROP TRIGGER `chats_view_counts_update`;
--> statement-breakpoint
CREATE TRIGGER `chats_view_counts_insert` AFTER INSERT ON `chats` WHEN NEW.`kind` <> 'newsletter' BEGIN
  INSERT INTO `chat_view_counts` (`session_id`, `assignee_user_id`, `assignee_team_id`, `status`, `n`)
  VALUES (NEW.`session_id`, coalesce(NEW.`assignee_user_id`, ''), coalesce(NEW.`assignee_team_id`, ''), NEW.`status`, 1)
  ON CONFLICT DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `chats_view_counts_delete` AFTER DELETE ON `chats` WHEN OLD.`kind` <> 'newsletter' BEGIN
  UPDATE `chat_view_counts` SET `n` = `n` - 1
   WHERE `session_id` = OLD.`session_id` AND `assignee_user_id` = coalesce(OLD.`assignee_user_id`, '')
     AND `assignee_team_id` = coalesce(OLD.`assignee_team_id`, '') AND `status` = OLD.`status`;
END;
--> statement-breakpoint
CREATE TRIGGER `chats_view_counts_update` AFTER UPDATE OF `session_id`, `status`, `assignee_user_id`, `assignee_team_id` ON `chats`
WHEN NEW.`kind` <> 'newsletter' AND (OLD.`session_id` IS NOT NEW.`session_id` OR OLD.`status` IS NOT NEW.`status`
  OR OLD.`assignee_user_id` IS NOT NEW.`assignee_user_id` OR OLD.`assignee_team_id` IS NOT NEW.`assignee_team_id`)
BEGIN
  UPDATE `chat_view_counts` SET `n` = `n` - 1
   WHERE `session_id` = OLD.`session_id` AND `assignee_user_id` = coalesce(OLD.`assignee_user_id`, '')
     AND `assignee_team_id` = coalesce(OLD.`assignee_team_id`, '') AND `status` = OLD.`status`;
  INSERT INTO `chat_view_counts` (`session_id`, `assignee_user_id`, `assignee_team_id`, `status`, `n`)
  VALUES (NEW.`session_id`, coalesce(NEW.`assignee_user_id`, ''), coalesce(NEW.`assignee_team_id`, ''), NEW.`status`, 1)
  ON CONFLICT DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
UPDATE `chat_view_counts` SET `n` = `n` - (
  SELECT count(*) FROM `chats` c
   WHERE c.`kind` = 'newsletter' AND c.`session_id` = `chat_view_counts`.`session_id`
     AND coalesce(c.`assignee_user_id`, '') = `chat_view_counts`.`assignee_user_id`
     AND coalesce(c.`assignee_team_id`, '') = `chat_view_counts`.`assignee_team_id`
     AND c.`status` = `chat_view_counts`.`status`);
