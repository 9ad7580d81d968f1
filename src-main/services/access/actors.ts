import type { Actor } from '../../../src-shared/contract/people.js';
import type { Db } from '../../db/connection.js';
import type { Principal } from './principal.js';

/** The desktop window before anyone is chosen, and the core's own actions. */
export const DESKTOP_ACTOR: Actor = Object.freeze({ type: 'desktop', id: null, name: 'Desktop' });

/**
 * Who a principal is, as recorded on events, webhooks, messages and the audit log: a person by
 * name, a key as "API: <its name>". Stored by value, so it outlives a deleted person or key.
 */
export class Actors {
  private readonly keyName;

  constructor(db: Db) {
    this.keyName = db.$client.prepare<[string], { name: string }>('SELECT name FROM api_keys WHERE id = ?');
  }

  of(principal: Principal): Actor {
    switch (principal.kind) {
      case 'desktop':
      case 'locked-desktop':
        return DESKTOP_ACTOR;
      case 'user':
        return { type: 'user', id: principal.userId, name: principal.name };
      case 'admin':
        return { type: 'key', id: principal.keyId, name: 'API: admin key' };
      case 'session':
        return { type: 'key', id: principal.keyId, name: `API: session key ${principal.sessionId ?? ''}` };
      case 'named':
        return {
          type: 'key',
          id: principal.keyId,
          name: `API: ${this.keyName.get(principal.keyId)?.name ?? principal.keyId}`,
        };
    }
  }
}
