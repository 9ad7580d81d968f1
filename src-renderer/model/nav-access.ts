import type { Me } from '../../src-shared/contract/people';

/**
 * Which areas of the UI a principal is offered. The server refuses every call a person may not
 * make on its own; this only keeps the sidebar from showing doors that would open on refusals.
 *
 * Agents work in chats: the inbox, and tags when they may tag on some number. Everything that
 * configures Chatdock (numbers, keys, webhooks, widgets, automation, logs, team, settings) and
 * scheduling (owners and admins only, `contract/schedule.ts`) and Reports (their own figures come from
 * the API, the page is the team's) are hidden from them. Owners,
 * admins, the desktop and API keys (which count as owners) see everything.
 */
export type AreaPath =
  | '/inbox'
  | '/sessions'
  | '/schedule'
  | '/tags'
  | '/automation'
  | '/widget'
  | '/reports'
  | '/logs'
  | '/settings'
  | '/profile';

/** Areas a principal may see; `null` (not known yet, or `people.me` failed) shows everything. */
export function canSeeArea(principal: Me | null, area: AreaPath): boolean {
  if (!principal || principal.role !== 'agent') return area !== '/profile' || isPerson(principal);
  switch (area) {
    case '/inbox':
      return true;
    case '/profile':
      return isPerson(principal);
    case '/tags':
      return principal.numbers.some((number) => number.canUseTags || number.canManageSavedReplies);
    default:
      return false;
  }
}

/** The area a path belongs to (`/chats/…` is the inbox's, `/settings/team` the settings'). */
export function areaOf(pathname: string): AreaPath | null {
  if (pathname.startsWith('/chats')) return '/inbox';
  const first = `/${pathname.split('/')[1] ?? ''}`;
  const known: AreaPath[] = [
    '/inbox',
    '/sessions',
    '/schedule',
    '/tags',
    '/automation',
    '/widget',
    '/reports',
    '/logs',
    '/settings',
    '/profile',
  ];
  return known.find((area) => area === first) ?? null;
}

/** Whether the principal is a signed-in person (who has a profile), not a key or the bare desktop. */
export function isPerson(principal: Me | null): principal is Me & { user: NonNullable<Me['user']> } {
  return principal?.user != null;
}

/** Whether the principal may manage people, teams and per-number permissions. */
export function canManageTeam(principal: Me | null): boolean {
  return principal === null || principal.role === 'owner' || principal.role === 'admin';
}
