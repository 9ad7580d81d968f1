-- Search in scripts written without spaces (Chinese, Japanese, Thai …): the index receives the
-- text through search_text() (db/search-text.ts, registered on every connection), which makes
-- each of their characters a word, so a query finds any run of them as a phrase.
-- Contentless with delete support: the index keeps no copy of the text, and a message leaves it
-- by rowid alone, whatever its text was indexed as.
DROP TRIGGER `messages_fts_insert`;
--> statement-breakpoint
DROP TRIGGER `messages_fts_delete`;
--> statement-breakpoint
DROP TRIGGER `messages_fts_update`;
--> statement-breakpoint
DROP TABLE `messages_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `messages_fts` USING fts5(
	`text`,
	content='',
	contentless_delete=1,
	tokenize='unicode61 remove_diacritics 2'
);
--> statement-breakpoint
INSERT INTO `messages_fts` (rowid, `text`)
	SELECT `row_id`, search_text(`text`) FROM `messages` WHERE `text` IS NOT NULL;
--> statement-breakpoint
CREATE TRIGGER `messages_fts_insert` AFTER INSERT ON `messages` WHEN new.`text` IS NOT NULL BEGIN
	INSERT INTO `messages_fts` (rowid, `text`) VALUES (new.`row_id`, search_text(new.`text`));
END;
--> statement-breakpoint
CREATE TRIGGER `messages_fts_delete` AFTER DELETE ON `messages` WHEN old.`text` IS NOT NULL BEGIN
	DELETE FROM `messages_fts` WHERE rowid = old.`row_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `messages_fts_update` AFTER UPDATE OF `text` ON `messages` BEGIN
	DELETE FROM `messages_fts` WHERE rowid = old.`row_id` AND old.`text` IS NOT NULL;
	INSERT INTO `messages_fts` (rowid, `text`)
		SELECT new.`row_id`, search_text(new.`text`) WHERE new.`text` IS NOT NULL;
END;
