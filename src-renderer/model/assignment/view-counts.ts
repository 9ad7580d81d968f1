import type { ViewCounts } from '../../../src-shared/contract/assignment';
import type { InboxView } from './views';

/** A view's count from the server's answer (null: not known yet, or no such count). */
export function countOf(counts: ViewCounts | null, view: InboxView): number | null {
  if (!counts) return null;
  switch (view.kind) {
    case 'mine':
      return counts.mine;
    case 'unassigned':
      return counts.unassigned;
    case 'all':
      return counts.all;
    case 'team':
      return counts.teams.find((team) => team.id === view.team)?.count ?? null;
  }
}
