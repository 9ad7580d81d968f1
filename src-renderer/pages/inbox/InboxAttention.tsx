import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router-dom';
import { useConnection, useTransport } from '../../stores/connection';
import { useConversation } from '../../stores/conversation';
import { useInbox } from '../../stores/inbox';
import { setChatOpener } from '../../stores/notifications';
import { useSessions } from '../../stores/sessions';
import { chatPath } from './paths';

const APP_NAME = 'Chatdock';

/**
 * Everywhere in the app, not only on the inbox page: the unread count in the window title,
 * notification clicks that open their chat, and a refresh (sessions, chats, the open chat) after
 * the live link was down.
 */
export function InboxAttention() {
  const transport = useTransport();
  const navigate = useNavigate();
  const unread = useInbox((state) => state.unread);
  const linkState = useConnection((state) => state.linkState);
  const wasClosed = useRef(false);

  useEffect(() => {
    setChatOpener((session, jid) => void navigate(chatPath(session, jid)));
    return () => setChatOpener(null);
  }, [navigate]);

  useEffect(() => {
    void useInbox.getState().loadUnreadTotals(transport);
  }, [transport]);

  useEffect(() => {
    const total = Object.values(unread).reduce((sum, count) => sum + count, 0);
    document.title = total > 0 ? `(${total}) ${APP_NAME}` : APP_NAME;
  }, [unread]);

  useEffect(() => {
    if (linkState === 'closed') wasClosed.current = true;
    if (linkState !== 'open' || !wasClosed.current) return;
    // Events may have been missed while the link was down (the stream resumes, but a gap is
    // possible after a long absence): read the current state again.
    wasClosed.current = false;
    const sessions = useSessions.getState();
    if (sessions.loaded) void sessions.load(transport);
    const inbox = useInbox.getState();
    void inbox.loadUnreadTotals(transport);
    if (inbox.loaded) void inbox.load(transport);
    void useConversation.getState().refresh(transport);
  }, [linkState, transport]);

  return null;
}
