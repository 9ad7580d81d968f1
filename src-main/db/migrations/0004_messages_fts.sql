-- Full-text search over message text (and media captions), in every language: unicode61
-- splits on Unicode word boundaries (Hebrew, Arabic, Latin, Cyrillic …) and folds diacritics.
-- External content: the text lives once, in messages; triggers keep the index in step.
CREATE VIRTUAL TABLE `messages_fts` USING fts5(
	`text`,
	content='messages',
	content_rowid='row_id',
	tokenize='unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `messages_fts_insert` AFTER INSERT ON `messages` WHEN new.`text` IS NOT NULL BEGIN
	INSERT INTO `messages_fts` (rowid, `text`) VALUES (new.`row_id`, new.`text`);
END;
--> statement-breakpoint
CREATE TRIGGER `messages_fts_delete` AFTER DELETE ON `messages` WHEN old.`text` IS NOT NULL BEGIN
	INSERT INTO `messages_fts` (`messages_fts`, rowid, `text`) VALUES ('delete', old.`row_id`, old.`text`);
END;
--> statement-breakpoint
CREATE TRIGGER `messages_fts_update` AFTER UPDATE OF `text` ON `messages` BEGIN
	INSERT INTO `messages_fts` (`messages_fts`, rowid, `text`)
		SELECT 'delete', old.`row_id`, old.`text` WHERE old.`text` IS NOT NULL;
	INSERT INTO `messages_fts` (rowid, `text`)
		SELECT new.`row_id`, new.`text` WHERE new.`text` IS NOT NULL;
END;
