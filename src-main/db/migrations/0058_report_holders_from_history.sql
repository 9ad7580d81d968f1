-- A report credits a message to whoever the chat's assignment history says had the chat when it
-- was sent or received (services/reports/chat-holders.ts). Before, a chat without any assignee
-- change in its history was credited to the assignee its row named at the moment the fold ran,
-- so a row written without a history line (an import, a script, the bench's chat list) left the
-- kept counts depending on when the fold had run (docs/PERFORMANCE.md "Session 20"). Only such
-- chats can hold rows the fold now writes differently: they are marked to be folded again from
-- their beginning by the background fold, nothing is rebuilt here. The assigned chats are read
-- over the assignee indexes (few; CROSS JOIN keeps them the outer loop, not every chat), each
-- checked against its own history rows.
INSERT INTO report_dirty_chats (session_id, chat_jid, since)
  SELECT c.session_id, c.jid, -1 FROM (
      SELECT session_id, jid FROM chats INDEXED BY chats_mine_order_idx WHERE assignee_user_id IS NOT NULL
      UNION
      SELECT session_id, jid FROM chats INDEXED BY chats_team_order_idx WHERE assignee_team_id IS NOT NULL
    ) a CROSS JOIN chats c ON c.session_id = a.session_id AND c.jid = a.jid
   WHERE c.kind = 'user' AND NOT EXISTS (
      SELECT 1 FROM chat_assignment_history h INDEXED BY chat_assignment_history_chat_idx
       WHERE h.session_id = c.session_id AND h.chat_jid = c.jid AND h.change = 'assignee')
  ON CONFLICT (session_id, chat_jid) DO UPDATE SET since = -1;
