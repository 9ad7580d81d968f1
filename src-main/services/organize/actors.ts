import type { Db } from '../../db/connection.js';
import type { Actor } from '../../../src-shared/contract/people.js';
import { Actors } from '../access/actors.js';
import { isWindowItself, type Principal } from '../access/principal.js';

/**
 * Who did a tagging: the `label` stored in tag history and taggings (and sent as the tagging
 * event's documented `actor` string), and the `actor` object every event envelope carries.
 */
export interface Attribution {
  label: string;
  actor: Actor;
}

/** Automation's own taggings: labelled and attributed as `Automation: <rule>`. */
export function systemAttribution(name: string): Attribution {
  return { label: name, actor: { type: 'system', id: null, name } };
}

/**
 * Who did something, as stored with taggings and notes: `user:<name>` (a signed-in person),
 * `desktop` (the app window over IPC),
 * `admin` (the admin key, also the web UI), `session:<id>` (a session key) or `key:<name>`
 * (a named key, by the name it was given).
 */
export class ActorNames {
  private readonly keyName;
  private readonly actors;

  constructor(db: Db) {
    this.keyName = db.$client.prepare<[string], { name: string }>('SELECT name FROM api_keys WHERE id = ?');
    this.actors = new Actors(db);
  }

  /** The label and the actor object of a principal, for taggings. */
  attribution(principal: Principal): Attribution {
    return { label: this.of(principal), actor: this.actors.of(principal) };
  }

  of(principal: Principal): string {
    if (isWindowItself(principal)) return 'desktop';
    if (principal.kind === 'admin') return 'admin';
    if (principal.kind === 'session') return `session:${principal.sessionId ?? ''}`;
    // By name, so a deleted person's taggings and notes still say who made them.
    if (principal.kind === 'user') return `user:${principal.name}`;
    return `key:${this.keyName.get(principal.keyId)?.name ?? principal.keyId}`;
  }
}
