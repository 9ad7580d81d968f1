import { useEffect } from 'react';
import type { EventType } from '../../../src-shared/contract/events';
import { useTransport } from '../../stores/connection';
import { followPersonLanguage } from '../../i18n/person-language';
import { useMe } from '../../stores/me';

/**
 * Events after which what the signed-in person may do can have changed: their rights on a number,
 * their role, their teams. The stream only carries them to people allowed to see them, so each
 * one simply reads `people.me` again (a disabled person's stream is closed instead: 4401).
 */
const CHANGES_RIGHTS: ReadonlySet<EventType> = new Set<EventType>([
  'permissions.updated',
  'user.updated',
  'user.deleted',
  'team.updated',
  'team.deleted',
]);

/** Loads the principal when the shell opens and keeps it current without a reload. */
export function MeSync() {
  const transport = useTransport();
  useEffect(() => {
    // The signed-in person's language follows them from device to device (i18n/person-language.ts).
    const unfollow = useMe.subscribe((state, before) => {
      if (state.principal !== before.principal) void followPersonLanguage(state.principal, transport);
    });
    void useMe.getState().load(transport);
    const unsubscribe = transport.subscribe((event) => {
      if (CHANGES_RIGHTS.has(event.type)) void useMe.getState().refresh();
    });
    return () => {
      unsubscribe();
      unfollow();
      void followPersonLanguage(null, transport);
      // Signed out: the next person must not see this one's rights, not even for a moment.
      useMe.getState().clear();
    };
  }, [transport]);
  return null;
}
