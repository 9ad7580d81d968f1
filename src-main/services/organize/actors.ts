import type { Db } from '../../db/connection.js';
import type { Principal } from '../access/principal.js';

/**
 * Who did something, as stored with taggings and notes: `user:<name>` (a signed-in person),
 * `desktop` (the app window over IPC),
 * `admin` (the admin key, also the web UI), `session:<id>` (a session key) or `key:<name>`
 * (a named key, by the name it was given).
 */
export class ActorNames {
  private readonly keyName;

  constructor(db: Db) {
    this.keyName = db.$client.prepare<[string], { name: string }>('SELECT name FROM api_keys WHERE id = ?');
  }

  of(principal: Principal): string {
    if (principal.kind === 'desktop') return 'desktop';
    if (principal.kind === 'admin') return 'admin';
    if (principal.kind === 'session') return `session:${principal.sessionId ?? ''}`;
    // By name, so a deleted person's taggings and notes still say who made them.
    if (principal.kind === 'user') return `user:${principal.name}`;
    return `key:${this.keyName.get(principal.keyId)?.name ?? principal.keyId}`;
  }
}
