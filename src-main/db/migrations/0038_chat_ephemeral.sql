-- Disappearing messages (issue #19): a chat's timer in seconds (0: off), as WhatsApp last said it
-- (the phone, the contact, or Chatdock itself changing it; history sync).
ALTER TABLE `chats` ADD `ephemeral_seconds` integer DEFAULT 0 NOT NULL;
