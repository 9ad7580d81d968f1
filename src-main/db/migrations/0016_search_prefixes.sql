-- Hebrew and Arabic words are indexed with their prefix-free forms too (db/search-prefixes.ts,
-- through search_text()), so עוגה finds העוגה and كتاب finds الكتاب. Only messages with Hebrew or
-- Arabic letters are indexed differently: they alone are re-indexed.
DELETE FROM `messages_fts` WHERE rowid IN (
	SELECT `row_id` FROM `messages` WHERE `text` GLOB '*[א-תء-ي]*'
);
--> statement-breakpoint
INSERT INTO `messages_fts` (rowid, `text`)
	SELECT `row_id`, search_text(`text`) FROM `messages` WHERE `text` GLOB '*[א-תء-ي]*';
