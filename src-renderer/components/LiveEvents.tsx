import { useEffect } from 'react';
import { useTransport } from '../stores/connection';
import { useSessions } from '../stores/sessions';
import { applyInboxEvent } from '../stores/inbox-events';
import { InboxAttention } from '../pages/inbox/InboxAttention';
import { QueuedMessages } from './QueuedMessages';

/** Subscribes once to the core's events and hands each to the store that owns it. */
export function LiveEvents() {
  const transport = useTransport();
  useEffect(() => {
    return transport.subscribe((event) => {
      if (event.type === 'session.status') useSessions.getState().applyStatus(event.data);
      if (event.type === 'session.deleted') useSessions.getState().remove(event.data.id);
      if (event.type === 'session.profile_updated') useSessions.getState().applyProfile(event.data);
      applyInboxEvent(event, transport);
    });
  }, [transport]);
  return (
    <>
      <InboxAttention />
      <QueuedMessages />
    </>
  );
}
