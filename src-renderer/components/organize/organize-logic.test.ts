import { describe, expect, it } from 'vitest';
import type { SavedReply } from '../../../src-shared/contract/organize';
import {
  fileFromDataUrl,
  matchReplies,
  moveActive,
  replaceRange,
  slashTokenAt,
  textColorOn,
  usageText,
} from './organize-logic';

function reply(shortcut: string, title: string, text: string): SavedReply {
  return { id: shortcut, shortcut, title, text, media: null, createdAt: '', updatedAt: '' };
}

describe('slashTokenAt', () => {
  it('finds a / at the start or after white space, up to the caret', () => {
    expect(slashTokenAt('/ho', 3)).toEqual({ start: 0, end: 3, query: 'ho' });
    expect(slashTokenAt('Hi Dana\n/Hours', 14)).toEqual({ start: 8, end: 14, query: 'hours' });
    expect(slashTokenAt('thanks /', 8)).toEqual({ start: 7, end: 8, query: '' });
  });

  it('ignores slashes inside words, URLs and after the caret has moved on', () => {
    expect(slashTokenAt('and/or', 6)).toBeNull();
    expect(slashTokenAt('see https://x.y/menu', 20)).toBeNull();
    expect(slashTokenAt('/hours please', 13)).toBeNull();
    expect(slashTokenAt('/hours please', 6)).toEqual({ start: 0, end: 6, query: 'hours' });
  });
});

describe('matchReplies', () => {
  const replies = [
    reply('thanks', 'Thank you', 'Thanks [name]!'),
    reply('hours', 'Opening hours', 'We open at 9'),
    reply('address', 'Where we are', 'Herzl 1, opening soon'),
    reply('menu', 'Menu', 'Our menu'),
  ];

  it('lists every reply by shortcut for a bare /', () => {
    expect(matchReplies(replies, '').map((r) => r.shortcut)).toEqual(['address', 'hours', 'menu', 'thanks']);
  });

  it('puts shortcut prefixes first, then shortcut or title matches, then text matches', () => {
    expect(matchReplies(replies, 'h').map((r) => r.shortcut)).toEqual(['hours', 'address', 'thanks']);
    expect(matchReplies(replies, 'open').map((r) => r.shortcut)).toEqual(['hours', 'address']);
    expect(matchReplies(replies, 'zzz')).toEqual([]);
  });
});

describe('replaceRange', () => {
  it('replaces the typed shortcut and puts the caret after the insert', () => {
    expect(replaceRange('Hi /ho there', 3, 6, 'We open at 9')).toEqual({
      text: 'Hi We open at 9 there',
      caret: 15,
    });
  });
});

describe('moveActive', () => {
  it('wraps around both ends', () => {
    expect(moveActive(0, -1, 3)).toBe(2);
    expect(moveActive(2, 1, 3)).toBe(0);
    expect(moveActive(0, 1, 0)).toBe(0);
  });
});

describe('usageText', () => {
  it('says what uses a tag', () => {
    expect(usageText({ chats: 0, messages: 0 })).toBe('not used');
    expect(usageText({ chats: 1, messages: 0 })).toBe('1 chat');
    expect(usageText({ chats: 0, messages: 2 })).toBe('2 messages');
    expect(usageText({ chats: 2, messages: 1 })).toBe('2 chats and 1 message');
  });
});

describe('textColorOn', () => {
  it('picks readable text for light and dark tag colours', () => {
    expect(textColorOn('#ffff00')).toBe('#000000');
    expect(textColorOn('#1a7f5a')).toBe('#ffffff');
    expect(textColorOn('#000000')).toBe('#ffffff');
  });
});

describe('fileFromDataUrl', () => {
  it('decodes the bytes, with the name and type given', async () => {
    const bytes = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]);
    const file = fileFromDataUrl(
      `data:image/png;base64,${btoa(String.fromCharCode(...bytes))}`,
      'menu.png',
      'image/png',
    );
    expect(file.name).toBe('menu.png');
    expect(file.type).toBe('image/png');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes);
  });
});
