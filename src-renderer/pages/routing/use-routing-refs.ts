import { useMemo } from 'react';
import { useQuery } from '../../hooks';

/** A named thing a rule can refer to. */
export interface Ref {
  id: string;
  name: string;
}

/** What the routing screens show by name: numbers, tags, teams, people, saved replies, webhooks. */
export interface RoutingRefs {
  sessions: Ref[];
  tags: Ref[];
  teams: Ref[];
  people: Ref[];
  savedReplies: Ref[];
  webhooks: Ref[];
}

const none: Ref[] = [];

/** Loads everything rules can name, once per page (each list is small). */
export function useRoutingRefs(): {
  refs: RoutingRefs;
  loading: boolean;
  error: string | null;
  reloadTeams: () => void;
} {
  const sessions = useQuery('sessions.list', {});
  const tags = useQuery('tags.list', {});
  const teams = useQuery('routing.teams', {});
  const people = useQuery('users.list', {});
  const replies = useQuery('savedReplies.list', {});
  const webhooks = useQuery('webhooks.list', {});
  const refs = useMemo<RoutingRefs>(
    () => ({
      sessions: (sessions.data ?? []).map((s) => ({ id: s.id, name: s.name ? `${s.name} (${s.id})` : s.id })),
      tags: tags.data?.items.map((t) => ({ id: t.id, name: t.name })) ?? none,
      teams: teams.data?.items.map((t) => t.team) ?? none,
      people: people.data?.items.filter((p) => !p.disabled).map((p) => ({ id: p.id, name: p.name })) ?? none,
      savedReplies: replies.data?.items.map((r) => ({ id: r.id, name: r.title })) ?? none,
      webhooks: webhooks.data?.items.map((w) => ({ id: w.id, name: w.name })) ?? none,
    }),
    [sessions.data, tags.data, teams.data, people.data, replies.data, webhooks.data],
  );
  const queries = [sessions, tags, teams, people, replies, webhooks];
  return {
    refs,
    loading: queries.some((q) => q.loading && q.data === null),
    error: queries.find((q) => q.error)?.error ?? null,
    reloadTeams: () => void teams.reload(),
  };
}

export function nameOf(list: Ref[], id: string, unknown: string): string {
  return list.find((item) => item.id === id)?.name ?? unknown;
}
