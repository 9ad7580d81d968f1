/**
 * Reading the stored facts a report folds: which chats are customers', and the JSON values of
 * the assignment history (services/assignment/ writes them). Shared by the kept conversation
 * table and the per-period scan.
 */
import { jidKind } from '../../../src-shared/jid.js';
import type { Assignee } from './metrics/timeline.js';

/** Only conversations with customers: 1:1 chats (phone or LID), not groups, channels or broadcasts. */
export const isCustomerChat = (jid: string) => jidKind(jid) === 'user' || jidKind(jid) === 'lid';

export function parseJson(value: string | null): unknown {
  if (value === null) return null;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return null;
  }
}

/** An `Assignee` as the history stores it: `{user: {id,name}|null, team: {id,name}|null}`. */
export function assigneeOf(value: unknown): Assignee {
  const ref = (part: unknown) =>
    part && typeof part === 'object' && typeof (part as { id?: unknown }).id === 'string'
      ? (part as { id: string }).id
      : null;
  const v = (value ?? {}) as { user?: unknown; team?: unknown };
  return { userId: ref(v.user), teamId: ref(v.team) };
}
