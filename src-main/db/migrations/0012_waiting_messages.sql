-- Messages whose content could not be decrypted yet ("Waiting for this message…"): a partial
-- index, so counting them for /health reads only them.
CREATE INDEX `messages_waiting_idx` ON `messages` (`session_id`) WHERE "messages"."type" = 'waiting';
