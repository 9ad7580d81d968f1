import { useEffect } from 'react';
import { useTransport } from '../stores/connection';
import { useOutgoing } from '../stores/outgoing';
import { useSessions } from '../stores/sessions';

/**
 * Sends the messages written while a number was offline as soon as it is connected again,
 * wherever the user is in the app. Each keeps the id and idempotency key it was given when
 * written, so it reaches the customer once however often this runs.
 */
export function QueuedMessages() {
  const transport = useTransport();
  useEffect(() => {
    const connected = (sessions: { id: string; status: string }[]) =>
      new Set(sessions.filter((s) => s.status === 'connected').map((s) => s.id));
    let before = connected(useSessions.getState().sessions);
    return useSessions.subscribe((state) => {
      const now = connected(state.sessions);
      for (const id of now) if (!before.has(id)) void useOutgoing.getState().flush(transport, id);
      before = now;
    });
  }, [transport]);
  return null;
}
