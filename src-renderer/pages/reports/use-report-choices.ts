import { useEffect, useState } from 'react';
import { useTransport } from '../../stores/connection';
import { useSessions } from '../../stores/sessions';
import type { FilterChoices } from './ReportFilters';

/** What the filters offer: numbers, tags, and for owners and admins the teams and people. */
export function useReportChoices(seesTeam: boolean): FilterChoices {
  const transport = useTransport();
  const { sessions, load } = useSessions();
  const [lists, setLists] = useState<Omit<FilterChoices, 'sessions'>>({ teams: [], people: [], tags: [] });

  useEffect(() => {
    void load(transport);
  }, [transport, load]);

  useEffect(() => {
    let live = true;
    // A list that cannot be read (an agent's teams) simply offers no filter.
    const quietly = <T>(call: Promise<T>) => call.catch(() => null);
    void Promise.all([
      quietly(transport.call('tags.list', {})),
      seesTeam ? quietly(transport.call('teams.list', {})) : null,
      seesTeam ? quietly(transport.call('users.list', {})) : null,
    ]).then(([tags, teams, users]) => {
      if (!live) return;
      const named = (items: { id: string; name: string }[] | undefined) =>
        (items ?? []).map(({ id, name }) => ({ id, name }));
      setLists({ tags: named(tags?.items), teams: named(teams?.items), people: named(users?.items) });
    });
    return () => {
      live = false;
    };
  }, [transport, seesTeam]);

  return { sessions: sessions.map(({ id, name }) => ({ id, name: name || id })), ...lists };
}
