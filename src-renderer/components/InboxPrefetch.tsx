import { useEffect, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { useTransport } from '../stores/connection';
import { startInboxLoad } from '../stores/inbox';

/** Where the shell opens on the inbox (the default page, a chat's link). */
function landsOnInbox(pathname: string): boolean {
  return pathname === '/' || pathname === '/inbox' || pathname.startsWith('/chats');
}

/**
 * Starts the chat list's first page as the shell opens, beside `people.me` (MeSync, mounted just
 * before), when the person lands on the inbox. Until `people.me` answers the shell shows no page,
 * so the list used to be asked only after that answer and the inbox's mount: one round trip more
 * between "Sign in" and a painted inbox (issue #23 target 7). The server decides what the list
 * holds, as for any call; a person who may not see the inbox is refused the page as before.
 */
export function InboxPrefetch() {
  const transport = useTransport();
  const { pathname } = useLocation();
  // Only where the shell opened: later navigation loads the list when the inbox mounts.
  const [landing] = useState(() => landsOnInbox(pathname));
  useEffect(() => {
    if (landing) startInboxLoad(transport);
  }, [transport, landing]);
  return null;
}
