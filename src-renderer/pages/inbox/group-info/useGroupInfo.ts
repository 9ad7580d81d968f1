import { useEffect } from 'react';
import type { GroupInfo } from '../../../../src-shared/contract/groups';
import { useQuery } from '../../../hooks';
import { useTransport } from '../../../stores/connection';

/**
 * The group with its members, read again whenever WhatsApp reports a change to it (members
 * added, removed, promoted or demoted, subject or description changed: `group.updated`).
 */
export function useGroupInfo(session: string, chat: string) {
  const transport = useTransport();
  const info = useQuery('groupInfo.get', { session, chat });
  const { reload } = info;
  useEffect(
    () =>
      transport.subscribe((event) => {
        if (event.type === 'group.updated' && event.data.session === session && event.data.jid === chat)
          void reload();
      }),
    [transport, session, chat, reload],
  );
  return info as typeof info & { data: GroupInfo | null };
}

export const isAdmin = (info: GroupInfo | null) => info?.myRole === 'admin' || info?.myRole === 'superadmin';

/**
 * Whether we may change the group's disappearing-messages timer: as WhatsApp, any member unless
 * only admins edit the group's info, then admins only.
 */
export const mayChangeGroupTimer = (info: GroupInfo | null) =>
  info?.myRole != null && (isAdmin(info) || !info.group.restrict);
