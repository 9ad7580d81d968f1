import type { HiddenRows } from '../../messages/hidden-rows.js';
import type { KeptHistory } from './kept-history.js';
import type { PendingPurges } from './pending-purges.js';

/** A session id's message rows up to a row id, which no read shows. */

/**
 * History of deleted sessions that stays in the database for a while and must not show:
 * - kept history (services/kept-history.ts): all of the id's rows, until a session with the id
 *   is created again and takes them back;
 * - messages still being removed (services/pending-purges.ts): the id's rows up to the purge's
 *   bound, so a session created again with the same id shows its own new messages only.
 */
export class HiddenHistory {
  constructor(
    private readonly kept: KeptHistory,
    private readonly purges: PendingPurges,
  ) {}

  /**
   * Sessions whose chats the list across sessions leaves out. Only kept history: a purged
   * session's chats are deleted at once (services/sessions/removal/session-purge.ts).
   */
  chatSessions(): string[] {
    return this.kept.sessions();
  }

  /** Message rows no read shows. */
  messages(): HiddenRows[] {
    return [
      ...this.kept.sessions().map((sessionId) => ({ sessionId, throughRowId: Number.MAX_SAFE_INTEGER })),
      ...this.purges.list().map(({ sessionId, throughRowId }) => ({ sessionId, throughRowId })),
    ];
  }
}
