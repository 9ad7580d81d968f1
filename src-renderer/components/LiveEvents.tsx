import { useEffect } from 'react';
import { useTransport } from '../stores/connection';
import { useSessions } from '../stores/sessions';

/** Subscribes once to the core's events and hands each to the store that owns it. */
export function LiveEvents() {
  const transport = useTransport();
  useEffect(() => {
    return transport.subscribe((event) => {
      if (event.type === 'session.status') useSessions.getState().applyStatus(event.data);
    });
  }, [transport]);
  return null;
}
