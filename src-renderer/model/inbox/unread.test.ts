import { describe, expect, it } from 'vitest';
import { firstUnread, newSince, withUnreadDivider } from './unread';

const them = (id: string) => ({ id, fromMe: false });
const us = (id: string) => ({ id, fromMe: true });

describe('the unread divider', () => {
  const history = [them('a'), us('b'), them('c'), us('d'), them('e'), them('f')];

  it('goes above the first of the customer’s unread messages, skipping our own', () => {
    expect(firstUnread(history, 2)).toEqual({ id: 'e', count: 2 });
    expect(firstUnread(history, 3)).toEqual({ id: 'c', count: 3 });
  });

  it('starts at the oldest loaded message from them when more are unread than loaded', () => {
    expect(firstUnread(history, 40)).toEqual({ id: 'a', count: 40 });
  });

  it('is not there when nothing is unread or nothing is from them', () => {
    expect(firstUnread(history, 0)).toBeNull();
    expect(firstUnread([us('x')], 1)).toBeNull();
  });

  it('is placed as a row before the first unread message', () => {
    const rows = [{ key: 'day:1' }, { key: 'c' }, { key: 'e' }];
    expect(withUnreadDivider(rows, { id: 'e', count: 2 }).map((row) => row.key)).toEqual([
      'day:1',
      'c',
      'unread',
      'e',
    ]);
    expect(withUnreadDivider(rows, { id: 'gone', count: 2 })).toEqual(rows);
  });
});

describe('new messages while scrolled up', () => {
  it('counts what the customer wrote after the newest message seen', () => {
    const messages = [them('a'), us('b'), them('c'), them('d')];
    expect(newSince(messages, 'b')).toBe(2);
    expect(newSince(messages, 'd')).toBe(0);
    expect(newSince(messages, null)).toBe(0);
    expect(newSince(messages, 'unloaded')).toBe(0);
  });
});
