import type { Actor } from '../../../src-shared/contract/people.js';

/**
 * The audit log's actor for a tag-history style label (`organize/actors.ts`: `user:Dana`,
 * `key:crm`, `admin`, `session:shop`, `desktop`), for records that arrive with such a label.
 */
export function actorFromLabel(label: string): Actor {
  const [kind, ...rest] = label.split(':');
  const name = rest.join(':');
  if (kind === 'user') return { type: 'user', id: null, name };
  if (kind === 'key') return { type: 'key', id: null, name: `API: ${name}` };
  if (kind === 'session') return { type: 'key', id: null, name: `Session key: ${name}` };
  if (kind === 'admin') return { type: 'key', id: null, name: 'Admin key' };
  return { type: 'desktop', id: null, name: 'Desktop' };
}
