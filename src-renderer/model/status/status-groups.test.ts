import { describe, expect, it } from 'vitest';
import type { StatusUpdate } from '../../../src-shared/contract/status';
import { groupStatus } from './status-groups';

const status = (poster: string, postedAt: string, seen: boolean, fromMe = false): StatusUpdate => ({
  session: 'shop',
  id: `${poster}-${postedAt}`,
  poster,
  posterName: poster,
  fromMe,
  kind: 'text',
  text: 'x',
  backgroundColor: '#25D366',
  font: null,
  media: null,
  audience: null,
  postedAt,
  expiresAt: postedAt,
  seen,
  seenAt: null,
});

describe('groupStatus', () => {
  it('lists our own first, then posters with unseen updates, newest first', () => {
    const groups = groupStatus([
      status('a', '2026-01-01T10:00:00Z', true),
      status('b', '2026-01-01T08:00:00Z', false),
      status('c', '2026-01-01T09:00:00Z', false),
      status('me', '2026-01-01T07:00:00Z', true, true),
      status('b', '2026-01-01T11:00:00Z', true),
    ]);
    expect(groups.map((group) => group.poster)).toEqual(['me', 'b', 'c', 'a']);
    const b = groups[1]!;
    expect(b.unseen).toBe(1);
    expect(b.items.map((item) => item.postedAt)).toEqual(['2026-01-01T11:00:00Z', '2026-01-01T08:00:00Z']);
  });
});
