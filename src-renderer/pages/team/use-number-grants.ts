import { useCallback, useEffect, useState } from 'react';
import type { SessionPermissions } from '../../../src-shared/contract/people';
import type { Session } from '../../../src-shared/model';
import { useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';

export interface NumberGrants {
  session: Session;
  permissions: SessionPermissions;
}

/**
 * Every linked number with who may use it: for the numbers list on Settings → Team and for the
 * warning before deleting a team that a permission still names.
 */
export function useNumberGrants() {
  const transport = useTransport();
  const [numbers, setNumbers] = useState<NumberGrants[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      const sessions = await transport.call('sessions.list', {});
      const all = await Promise.all(
        sessions.map(async (session) => ({
          session,
          permissions: await transport.call('permissions.get', { session: session.id }),
        })),
      );
      setNumbers(all);
      setError(null);
    } catch (caught) {
      setError(describeError(caught));
    }
  }, [transport]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { numbers, error, reload };
}

/** The numbers whose permissions name this team. */
export function numbersNamingTeam(numbers: NumberGrants[] | null, teamId: string): string[] {
  return (numbers ?? [])
    .filter(({ permissions }) =>
      permissions.grants.some((grant) => grant.subject.type === 'team' && grant.subject.id === teamId),
    )
    .map(({ session }) => session.name);
}
