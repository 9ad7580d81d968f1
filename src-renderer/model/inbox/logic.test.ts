import { describe, expect, it } from 'vitest';
import type { Chat } from '../../../src-shared/messages';
import { testChat as chat, testLastMessage, testMessage as message } from '../../test-support/fixtures';
import { chatKey, chatQuery, compareChats, DEFAULT_FILTER, matchesFilter, orderChats } from './chat-order';
import { buildRows, dayLabel } from './day-rows';
import { chatTitle, dayKey, formatBytes, formatChatTime, initials } from './format';
import { queryTerms, snippetAround, splitHighlight } from './highlight';
import {
  atEnd,
  distanceFromEnd,
  holdsChat,
  mergeMessages,
  openingOffset,
  shouldLoadNewer,
  shouldLoadOlder,
} from './history';
import { newMessageId } from './ids';
import { fileProblem, mediaMessage, sendKindFor, voiceNoteMimetype } from './media-kind';
import { tickState } from './ticks';

function at(timestamp: string): Chat['lastMessage'] {
  return testLastMessage(timestamp, '');
}

describe('chat order and filters', () => {
  const old = chat({ jid: 'a', lastMessage: at('2026-01-01T10:00:00Z') });
  const recent = chat({ jid: 'b', lastMessage: at('2026-01-02T10:00:00Z') });
  const unread = chat({ jid: 'c', unreadCount: 3, lastMessage: at('2025-12-01T10:00:00Z') });
  const pinned = chat({ jid: 'd', pinned: true, lastMessage: at('2025-01-01T10:00:00Z') });

  it('puts pinned chats first, then the newest', () => {
    expect(orderChats([old, recent, unread, pinned], DEFAULT_FILTER, 'recent')).toEqual([
      'shop|d',
      'shop|b',
      'shop|a',
      'shop|c',
    ]);
  });

  it('can put unread chats before read ones', () => {
    expect([old, recent, unread].sort((x, y) => compareChats(x, y, 'unread')).map((c) => c.jid)).toEqual([
      'c',
      'b',
      'a',
    ]);
  });

  it('filters by session, unread, groups and archive', () => {
    const base = DEFAULT_FILTER;
    expect(matchesFilter(unread, { ...base, unread: true })).toBe(true);
    expect(matchesFilter(old, { ...base, unread: true })).toBe(false);
    expect(matchesFilter(old, { ...base, session: 'other' })).toBe(false);
    expect(matchesFilter(chat({ jid: 'g', kind: 'group' }), { ...base, groups: true })).toBe(true);
    expect(matchesFilter(old, { ...base, groups: true })).toBe(false);
    const channel = chat({ jid: '1@newsletter', kind: 'newsletter' });
    expect(matchesFilter(channel, { ...base, channels: true })).toBe(true);
    expect(matchesFilter(chat({ jid: 'g', kind: 'group' }), { ...base, channels: true })).toBe(false);
    // Channels are not conversations: only their own filter lists them, never All (its count).
    expect(matchesFilter(channel, base)).toBe(false);
    expect(matchesFilter(channel, { ...base, unread: true })).toBe(false);
    expect(matchesFilter(chat({ jid: 'x', archived: true }), base)).toBe(false);
    expect(matchesFilter(chat({ jid: 'x', archived: true }), { ...base, archived: true })).toBe(true);
  });

  it('limits the list to a given set of chats (the tag filter)', () => {
    const base = DEFAULT_FILTER;
    expect(orderChats([old, recent], base, 'recent', new Set(['shop|a']))).toEqual(['shop|a']);
  });

  it('searches numbers by their digits', () => {
    expect(chatQuery('+972 50-123 4567')).toBe('972501234567');
    expect(chatQuery('Dana')).toBe('Dana');
  });

  it('names a chat by its name, else its number', () => {
    expect(chatTitle({ name: 'Dana', phone: '972', jid: 'x' })).toBe('Dana');
    expect(chatTitle({ name: null, phone: '972501234567', jid: 'x' })).toBe('+972 50 123 4567');
    expect(chatTitle({ name: null, phone: null, jid: '123-456@g.us' })).toBe('123-456@g.us');
  });
});

describe('conversation rows', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  it('separates days in the given time zone and labels them', () => {
    const items = [
      { key: '1', timestamp: '2026-03-08T21:30:00Z', fromMe: false, sender: 'a' },
      // 23:30 UTC on the 9th is already the 10th in Jerusalem (UTC+2).
      { key: '2', timestamp: '2026-03-09T23:30:00Z', fromMe: false, sender: 'a' },
      { key: '3', timestamp: '2026-03-10T08:00:00Z', fromMe: true, sender: null },
    ];
    const rows = buildRows(items, { isGroup: false, now, timeZone: 'Asia/Jerusalem', locale: 'en-GB' });
    expect(rows.map((row) => (row.kind === 'day' ? row.label : row.key))).toEqual([
      'Sunday',
      '1',
      'Today',
      '2',
      '3',
    ]);
    const utc = buildRows(items, { isGroup: false, now, timeZone: 'UTC', locale: 'en-GB' });
    expect(utc.map((row) => (row.kind === 'day' ? row.label : row.key))).toEqual([
      'Sunday',
      '1',
      'Yesterday',
      '2',
      'Today',
      '3',
    ]);
  });

  it('puts no separator above the oldest loaded message while older pages exist', () => {
    const items = [
      { key: '1', timestamp: '2026-03-09T08:00:00Z', fromMe: false, sender: 'a' },
      { key: '2', timestamp: '2026-03-10T08:00:00Z', fromMe: false, sender: 'a' },
    ];
    const rows = buildRows(items, { isGroup: false, now, timeZone: 'UTC', startsHistory: false });
    expect(rows.map((row) => row.key)).toEqual(['1', 'day:2026-03-10:2', '2']);
  });

  it("names today and yesterday in the reader's language (Intl), capitalised", () => {
    const yesterday = new Date('2026-03-09T10:00:00Z');
    expect(dayLabel(yesterday, { now, timeZone: 'UTC', locale: 'es' })).toBe('Ayer');
    expect(dayLabel(now, { now, timeZone: 'UTC', locale: 'de' })).toBe('Heute');
    expect(dayLabel(yesterday, { now, timeZone: 'UTC', locale: 'he' })).toBe('אתמול');
    expect(formatChatTime(yesterday.toISOString(), now, 'pt-BR', 'UTC')).toBe('Ontem');
    expect(formatChatTime(yesterday.toISOString(), now, 'ar', 'UTC')).toBe('أمس');
  });

  it('labels old days with the date', () => {
    expect(dayLabel(new Date('2025-12-24T10:00:00Z'), { now, timeZone: 'UTC', locale: 'en-GB' })).toBe(
      '24 December 2025',
    );
    expect(dayKey(new Date('2026-03-09T23:30:00Z'), 'Asia/Jerusalem')).toBe('2026-03-10');
  });

  it('names a group sender once per run of bubbles, and again after a day separator', () => {
    const items = [
      { key: '1', timestamp: '2026-03-10T08:00:00Z', fromMe: false, sender: 'a' },
      { key: '2', timestamp: '2026-03-10T08:01:00Z', fromMe: false, sender: 'a' },
      { key: '3', timestamp: '2026-03-10T08:02:00Z', fromMe: false, sender: 'b' },
      { key: '4', timestamp: '2026-03-10T08:03:00Z', fromMe: true, sender: null },
      { key: '5', timestamp: '2026-03-10T08:04:00Z', fromMe: false, sender: 'b' },
    ];
    const rows = buildRows(items, { isGroup: true, now, timeZone: 'UTC' });
    const shown = rows.flatMap((row) => (row.kind === 'message' && row.showSender ? [row.key] : []));
    expect(shown).toEqual(['1', '3', '5']);
    const direct = buildRows(items, { isGroup: false, now, timeZone: 'UTC' });
    expect(direct.some((row) => row.kind === 'message' && row.showSender)).toBe(false);
  });
});

describe('ticks', () => {
  it('maps delivery status to a tick, only for own messages', () => {
    expect(tickState({ fromMe: true, status: 'pending' })).toBe('pending');
    expect(tickState({ fromMe: true, status: 'server' })).toBe('sent');
    expect(tickState({ fromMe: true, status: 'delivered' })).toBe('delivered');
    expect(tickState({ fromMe: true, status: 'read' })).toBe('read');
    expect(tickState({ fromMe: true, status: 'played' })).toBe('read');
    expect(tickState({ fromMe: true, status: 'error' })).toBe('failed');
    expect(tickState({ fromMe: false, status: 'read' })).toBeNull();
  });
});

describe('search highlight', () => {
  it('reads terms like the index: phrases whole, prefix stars dropped', () => {
    expect(queryTerms('"fresh bread" ord* x')).toEqual(['fresh bread', 'ord', 'x']);
  });

  it('marks case-insensitive matches at word starts', () => {
    expect(splitHighlight('Your Order is ready, reorder?', 'order')).toEqual([
      { text: 'Your ', hit: false },
      { text: 'Order', hit: true },
      { text: ' is ready, reorder?', hit: false },
    ]);
  });

  it('marks a Hebrew or Arabic word with the one-letter prefixes search looked through', () => {
    expect(splitHighlight('יש משלוח לעוגה?', 'עוגה')).toEqual([
      { text: 'יש משלוח ', hit: false },
      { text: 'לעוגה', hit: true },
      { text: '?', hit: false },
    ]);
    expect(splitHighlight('وصل الكتاب', 'كتاب')).toEqual([
      { text: 'وصل ', hit: false },
      { text: 'الكتاب', hit: true },
    ]);
    // Not in the middle of a word that merely contains it.
    expect(splitHighlight('תעוגה', 'עוגה')).toEqual([{ text: 'תעוגה', hit: false }]);
  });

  it('marks Chinese and Thai words inside a run of characters, and a Latin word after one', () => {
    expect(splitHighlight('我们明天开门', '明天')).toEqual([
      { text: '我们', hit: false },
      { text: '明天', hit: true },
      { text: '开门', hit: false },
    ]);
    expect(splitHighlight('สวัสดีครับ ราคาเท่าไหร่', 'เท่า')).toEqual([
      { text: 'สวัสดีครับ ราคา', hit: false },
      { text: 'เท่า', hit: true },
      { text: 'ไหร่', hit: false },
    ]);
    expect(splitHighlight('买iPhone价格', 'iphone')).toEqual([
      { text: '买', hit: false },
      { text: 'iPhone', hit: true },
      { text: '价格', hit: false },
    ]);
  });

  it('marks Hebrew and several terms, longest first', () => {
    expect(splitHighlight('שלום עולם hello', 'שלום hel')).toEqual([
      { text: 'שלום', hit: true },
      { text: ' עולם ', hit: false },
      { text: 'hel', hit: true },
      { text: 'lo', hit: false },
    ]);
  });

  it('treats regex characters literally and handles no terms', () => {
    expect(splitHighlight('price (a+b)', '(a+b)')).toEqual([
      { text: 'price ', hit: false },
      { text: '(a+b)', hit: true },
    ]);
    expect(splitHighlight('axb', 'a.b')).toEqual([{ text: 'axb', hit: false }]);
    expect(splitHighlight('a.b', '')).toEqual([{ text: 'a.b', hit: false }]);
  });

  it('cuts a long message around its first hit', () => {
    const text = `${'x '.repeat(100)}needle ${'y '.repeat(100)}`;
    const snippet = snippetAround(text, 'needle', 60);
    expect(snippet).toContain('needle');
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet.length).toBeLessThanOrEqual(62);
  });
});

describe('history pages', () => {
  const a = message('A', '2026-03-10T08:00:00.000Z');
  const b = message('B', '2026-03-10T08:00:00.000Z');
  const c = message('C', '2026-03-10T08:01:00.000Z');

  it('merges pages oldest first, each message once, keeping the furthest status', () => {
    const merged = mergeMessages(
      [c, { ...a, status: 'read' }],
      [b, { ...a, text: 'edited', status: 'delivered' }],
    );
    expect(merged.map((m) => m.id)).toEqual(['A', 'B', 'C']);
    expect(merged[0]).toMatchObject({ text: 'edited', status: 'read' });
  });

  it('keeps messages of the same second in the order they were stored', () => {
    const x = message('X9', '2026-03-10T08:00:00.000Z');
    const y = message('Y1', '2026-03-10T08:00:00.000Z');
    // Live messages arrive after what is loaded, older pages go before it.
    expect(mergeMessages([x], [y]).map((m) => m.id)).toEqual(['X9', 'Y1']);
    expect(mergeMessages([y], [x], 'older').map((m) => m.id)).toEqual(['X9', 'Y1']);
    expect(mergeMessages([x, y], [c, a]).map((m) => m.id)).toEqual(['X9', 'Y1', 'A', 'C']);
  });

  it('loads older pages only near the top, once at a time, while there are some', () => {
    expect(shouldLoadOlder({ scrollTop: 100, hasOlder: true, loading: false })).toBe(true);
    expect(shouldLoadOlder({ scrollTop: 2000, hasOlder: true, loading: false })).toBe(false);
    expect(shouldLoadOlder({ scrollTop: 100, hasOlder: true, loading: true })).toBe(false);
    expect(shouldLoadOlder({ scrollTop: 100, hasOlder: false, loading: false })).toBe(false);
    expect(shouldLoadNewer({ distanceFromEnd: 10, hasNewer: true, loading: false })).toBe(true);
    expect(shouldLoadNewer({ distanceFromEnd: 10, hasNewer: false, loading: false })).toBe(false);
  });

  it("shows a pane only its own chat's history, not what the store held before opening it", () => {
    const pane = chatKey('shop', 'b@s.whatsapp.net');
    expect(holdsChat({ session: 'shop', jid: 'a@s.whatsapp.net' }, pane)).toBe(false);
    expect(holdsChat({ session: 'other', jid: 'b@s.whatsapp.net' }, pane)).toBe(false);
    expect(holdsChat({ session: null, jid: null }, pane)).toBe(false);
    expect(holdsChat({ session: 'shop', jid: 'b@s.whatsapp.net' }, pane)).toBe(true);
  });

  it('measures the distance to the loaded end from the virtualiser, like the element would', () => {
    // 3,000 px of rows, a 500 px window scrolled to 2,000: 500 px below the window.
    expect(distanceFromEnd({ totalSize: 3000, scrollOffset: 2000, viewport: 500 })).toBe(500);
    expect(distanceFromEnd({ totalSize: 3000, scrollOffset: 2500, viewport: 500 })).toBe(0);
    // Rows shorter than the window: at the end, as scrollHeight (never below clientHeight) says.
    expect(distanceFromEnd({ totalSize: 300, scrollOffset: 0, viewport: 500 })).toBe(0);
  });

  it('takes a reader within a few pixels of the end as at the newest message, not one further up', () => {
    expect(atEnd(0)).toBe(true);
    expect(atEnd(3)).toBe(true);
    // The assignment bar's height on a desktop: the reader had scrolled up, not rounding.
    expect(atEnd(49)).toBe(false);
  });

  it('starts an opened chat at its newest message, or with the unread divider at the top', () => {
    // Ten rows of 50 px, 12 px padding each side, a 200 px window: 524 px in all.
    const view = { sizes: Array<number>(10).fill(50), viewport: 200, paddingStart: 12, paddingEnd: 12 };
    expect(openingOffset({ ...view, dividerIndex: -1 })).toBe(324);
    // The divider is the seventh row: the six before it and the top padding are above the window.
    expect(openingOffset({ ...view, dividerIndex: 6 })).toBe(312);
    // A divider near the end cannot be brought further up than the end allows.
    expect(openingOffset({ ...view, dividerIndex: 9 })).toBe(324);
    // Rows shorter than the window: no scroll.
    expect(openingOffset({ ...view, sizes: [50, 50], dividerIndex: -1 })).toBe(0);
  });
});

describe('attachments', () => {
  it('sends WhatsApp formats as media and anything else as a document', () => {
    expect(sendKindFor('image/png')).toBe('image');
    expect(sendKindFor('image/gif')).toBe('document');
    expect(sendKindFor('video/mp4')).toBe('video');
    expect(sendKindFor('audio/webm;codecs=opus')).toBe('audio');
    expect(sendKindFor('application/pdf')).toBe('document');
    expect(sendKindFor('')).toBe('document');
  });

  it('refuses empty and oversized files', () => {
    expect(fileProblem({ size: 0, type: 'image/png' })).toMatch(/empty/);
    expect(fileProblem({ size: 17 * 1024 * 1024, type: 'image/png' })).toMatch(/16 MB/);
    expect(fileProblem({ size: 17 * 1024 * 1024, type: 'application/pdf' })).toBeNull();
  });

  it('builds the send input with caption and reply', () => {
    expect(
      mediaMessage(
        'x@s.whatsapp.net',
        { dataUrl: 'data:image/png;base64,AA', mimetype: 'image/png', fileName: 'a.png', caption: ' hi ' },
        'Q1',
      ),
    ).toEqual({
      to: 'x@s.whatsapp.net',
      replyTo: 'Q1',
      type: 'image',
      media: { data: 'data:image/png;base64,AA', mimetype: 'image/png', fileName: 'a.png' },
      caption: 'hi',
    });
    expect(
      mediaMessage('x', {
        dataUrl: 'd',
        mimetype: 'audio/webm;codecs=opus',
        fileName: 'v.webm',
        voiceNote: true,
      }),
    ).toMatchObject({
      type: 'audio',
      voiceNote: true,
      media: { mimetype: 'audio/webm' },
    });
  });

  it('records voice notes as ogg when possible, else webm, else not at all', () => {
    expect(voiceNoteMimetype((t) => t.startsWith('audio/ogg'))).toBe('audio/ogg;codecs=opus');
    expect(voiceNoteMimetype((t) => t.startsWith('audio/webm'))).toBe('audio/webm;codecs=opus');
    expect(voiceNoteMimetype(() => false)).toBeNull();
  });
});

describe('small formats', () => {
  it('makes avatar initials, sizes and message ids', () => {
    expect(initials('Dana Levi')).toBe('DL');
    expect(initials('+972 50')).toBe('#');
    expect(initials('שרה')).toBe('שר');
    expect(formatBytes(2_500_000)).toBe('2.4 MB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(newMessageId()).toMatch(/^3EB0[0-9A-F]{16}$/);
  });
});

describe('deep links', () => {
  it('links a chat with its JID readable, and a message with its search', async () => {
    const { chatPath } = await import('../../pages/inbox/paths');
    expect(chatPath('shop', '972501234567@s.whatsapp.net')).toBe('/chats/shop/972501234567@s.whatsapp.net');
    expect(chatPath('shop', '1@s.whatsapp.net', 'ABC', 'ref 1')).toBe(
      '/chats/shop/1@s.whatsapp.net?msg=ABC&q=ref+1',
    );
    expect(chatPath('shop', '1@s.whatsapp.net', undefined, 'ignored')).toBe('/chats/shop/1@s.whatsapp.net');
  });
});
