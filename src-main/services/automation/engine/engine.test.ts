import { describe, expect, it } from 'vitest';
import {
  automationSettingsSchema,
  type AutomationSettingsInput,
} from '../../../../src-shared/contract/automation.js';
import { spintaxProblem, unknownPlaceholders } from '../../../../src-shared/automation-text.js';
import { seededRandom, spin } from '../../schedule/template.js';
import { decide, skipReason, type ChatMemory, type MessageFacts } from './decide.js';
import { fold } from './fold.js';
import { isOpen, nextOpening } from './hours.js';
import { patternMatches } from './keyword-match.js';
import { answerMenu, menuText } from './menu.js';
import { renderAutomationText } from './render.js';
import { createRegexTest, RegexTimeout } from './safe-regex.js';

const regex = createRegexTest();
const settings = (input: AutomationSettingsInput) =>
  automationSettingsSchema.parse({ enabled: true, ...input });
const fresh: ChatMemory = { lastInboundAt: null, awaySentAt: null, menuPath: null, menuAt: null };
// Monday 7 December 2026, 10:00 in Lisbon (UTC+0 in winter).
const MONDAY_10 = Date.parse('2026-12-07T10:00:00Z');
const MONDAY_22 = Date.parse('2026-12-07T22:00:00Z');
const incoming = (text: string, at = MONDAY_10) => ({
  text,
  at,
  name: 'Dana Cohen',
  phone: '+972501234567',
  seed: 'm1',
});

describe('folding and keyword matching', () => {
  it('ignores case and accents in any script', () => {
    expect(fold('Précio ÇA Ärger')).toBe('precio ca arger');
    expect(fold('ＰＲＩＣＥ')).toBe('price');
    expect(fold('Ἀθῆναι')).toBe('αθηναι');
    expect(fold('שָׁלוֹם')).toBe('שלום');
  });

  it('exact, contains-word and starts-with compare whole words', () => {
    expect(patternMatches('exact', 'hola', '¡HOLA!', regex)).toBe(true);
    expect(patternMatches('exact', 'hola', 'hola amigo', regex)).toBe(false);
    expect(patternMatches('contains', 'precio', 'cuál es el PRÉCIO?', regex)).toBe(true);
    // A word inside another word does not count.
    expect(patternMatches('contains', 'price', 'priceless', regex)).toBe(false);
    expect(patternMatches('contains', 'opening hours', 'your Opening-Hours please', regex)).toBe(true);
    expect(patternMatches('startsWith', 'hi', 'Hi there', regex)).toBe(true);
    expect(patternMatches('startsWith', 'hi', 'oh hi', regex)).toBe(false);
    expect(patternMatches('contains', 'مرحبا', 'أهلا مرحبا بكم', regex)).toBe(true);
    // Scripts without spaces match as a run of characters.
    expect(patternMatches('contains', '价格', '请问价格多少', regex)).toBe(true);
  });

  it('regex runs case- and accent-insensitively', () => {
    expect(patternMatches('regex', '^order\\s*#?\\d+$', 'ORDER #123', regex)).toBe(true);
    expect(patternMatches('regex', 'cafe', 'Café?', regex)).toBe(true);
  });

  it('stops a catastrophic pattern at the time limit instead of hanging', () => {
    const slow = createRegexTest(20);
    expect(() => slow('(a+)+$', `${'a'.repeat(40)}b`)).toThrow(RegexTimeout);
    // The sandbox still works afterwards.
    expect(slow('a', 'A')).toBe(true);
  });
});

describe('texts', () => {
  it('finds unbalanced spintax and unknown placeholders', () => {
    expect(spintaxProblem('{Hi|Hello} [name]')).toBeNull();
    expect(spintaxProblem('{Hi|{Hey|Yo}}')).toBeNull();
    expect(spintaxProblem('{Hi|Hello')).toMatch(/without its "}"/);
    expect(spintaxProblem('Hi}')).toMatch(/without its "{"/);
    expect(unknownPlaceholders('[name] [Order_Id] [time] [sic]')).toEqual(['Order_Id', 'sic']);
  });

  it('renders spintax with a seeded choice and fills placeholders in the number’s language', () => {
    const values = {
      name: 'Dana Cohen',
      phone: '+972501234567',
      at: MONDAY_10,
      opensAt: null,
      timeZone: 'Europe/Lisbon',
      language: 'en-GB',
    };
    const template = '{Hi|Hello|Hey} [first_name] ([phone]) at [time] [unknown]';
    const first = renderAutomationText(template, values, 'seed-a');
    expect(renderAutomationText(template, values, 'seed-a')).toBe(first);
    const variant = spin('{Hi|Hello|Hey}', seededRandom(`${template}\u0000seed-a`));
    expect(first).toBe(`${variant} Dana (+972501234567) at 10:00 [unknown]`);
    const seeds = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map(
      (s) => renderAutomationText(template, values, s).split(' ')[0],
    );
    expect(new Set(seeds).size).toBeGreaterThan(1);
    expect(renderAutomationText('[time]', { ...values, language: 'en-US', at: MONDAY_22 }, 'x')).toBe(
      '10:00 PM',
    );
  });
});

describe('business hours', () => {
  const hours = settings({
    timeZone: 'Europe/Lisbon',
    hours: {
      MO: [
        { availableFrom: '09:00:00', availableUntil: '13:00:00' },
        { availableFrom: '14:00:00', availableUntil: '18:00:00' },
      ],
      FR: [{ availableFrom: '22:00:00', availableUntil: '02:00:00' }],
    },
    closedDates: ['2026-12-14'],
  });

  it('is open inside a range, including past midnight, and closed on holidays', () => {
    expect(isOpen(hours, MONDAY_10)).toBe(true);
    expect(isOpen(hours, Date.parse('2026-12-07T13:30:00Z'))).toBe(false);
    expect(isOpen(hours, Date.parse('2026-12-12T01:00:00Z'))).toBe(true); // Saturday 01:00, Friday's range
    expect(isOpen(hours, Date.parse('2026-12-14T10:00:00Z'))).toBe(false); // a closed Monday
  });

  it('names the next opening, skipping closed dates', () => {
    expect(nextOpening(hours, MONDAY_10)).toBeNull();
    expect(nextOpening(hours, Date.parse('2026-12-07T13:30:00Z'))).toBe(Date.parse('2026-12-07T14:00:00Z'));
    // Saturday → the Monday after is a holiday, so Friday evening.
    expect(new Date(nextOpening(hours, Date.parse('2026-12-12T10:00:00Z'))!).toISOString()).toBe(
      '2026-12-18T22:00:00.000Z',
    );
    const allDay = settings({ timeZone: 'Asia/Tokyo', closedDates: ['2026-12-07'] });
    expect(new Date(nextOpening(allDay, MONDAY_10 - 9 * 3600_000 + 3600_000)!).toISOString()).toBe(
      '2026-12-07T15:00:00.000Z',
    );
  });
});

describe('decide', () => {
  const shop = settings({
    timeZone: 'Europe/Lisbon',
    hours: { MO: [{ availableFrom: '09:00:00', availableUntil: '18:00:00' }] },
    greeting: { enabled: true, text: 'Welcome [first_name]!', afterDays: 30 },
    away: { enabled: true, text: 'Closed; back [opens_at].', everyHours: 6 },
    defaultReply: { enabled: true, text: 'We will answer soon.' },
    rules: [
      {
        id: 'p',
        name: 'Prices',
        match: 'contains',
        patterns: ['price', 'precio'],
        reply: 'Prices: {cheap|fair}',
      },
      { id: 's', name: 'Stop', match: 'exact', patterns: ['bot off'], stop: true, addTag: 'tag_1' },
    ],
  });

  it('greets a first message once, then again only after N days of silence', () => {
    expect(decide(shop, incoming('hello'), fresh, regex).replies.map((r) => r.kind)).toEqual(['greeting']);
    const seen = { ...fresh, lastInboundAt: MONDAY_10 - 86_400_000 };
    expect(decide(shop, incoming('hello'), seen, regex).replies.map((r) => r.kind)).toEqual(['default']);
    const longAgo = { ...fresh, lastInboundAt: MONDAY_10 - 31 * 86_400_000 };
    expect(decide(shop, incoming('hello'), longAgo, regex).replies[0]?.text).toBe('Welcome Dana!');
  });

  it('sends the away message outside hours once per window, with the opening in the number’s language', () => {
    const seen = { ...fresh, lastInboundAt: MONDAY_22 - 60_000 };
    const first = decide(shop, incoming('hello', MONDAY_22), seen, regex);
    expect(first.replies[0]).toEqual({
      kind: 'away',
      rule: 'Away message',
      text: 'Closed; back Monday 9:00 AM.',
    });
    expect(first.sentAway).toBe(true);
    const again = decide(
      shop,
      incoming('hello', MONDAY_22 + 3600_000),
      { ...seen, awaySentAt: MONDAY_22 },
      regex,
    );
    // Within the window only the default reply answers (no keyword matched).
    expect(again.replies.map((r) => r.kind)).toEqual(['default']);
    const later = decide(
      shop,
      incoming('hello', MONDAY_22 + 6 * 3600_000),
      { ...seen, awaySentAt: MONDAY_22 },
      regex,
    );
    expect(later.replies.map((r) => r.kind)).toEqual(['away']);
    const portuguese = settings({ ...shop, language: 'pt-PT' });
    expect(decide(portuguese, incoming('olá', MONDAY_22), seen, regex).replies[0]?.text).toBe(
      'Closed; back segunda-feira, 09:00.',
    );
  });

  it('keyword rules fire in order; a stop rule tags and stops', () => {
    const seen = { ...fresh, lastInboundAt: MONDAY_10 - 60_000 };
    const prices = decide(shop, incoming('¿Qué PRECIO tiene?'), seen, regex);
    expect(prices.replies).toEqual([
      { kind: 'keyword', rule: 'Prices', text: expect.stringMatching(/^Prices: (cheap|fair)$/) },
    ]);
    const stop = decide(shop, incoming('Bot off'), seen, regex);
    expect(stop.replies).toEqual([]);
    expect(stop.actions).toEqual({
      addTag: 'tag_1',
      stop: true,
      handover: false,
      assign: null,
      webhook: null,
    });
  });

  it('the menu navigates, goes back with 0, repeats on unknown answers and hands over', () => {
    const bot = settings({
      menu: {
        enabled: true,
        text: 'How can we help?',
        options: [
          { key: '1', label: 'Opening hours', reply: 'Every day 9–18.' },
          {
            key: '2',
            label: 'Prices',
            options: [
              { key: '1', label: 'Falafel', reply: 'Falafel: 5 €' },
              { key: '2', label: 'Hummus', reply: 'Hummus: 4 €' },
            ],
          },
          { key: '3', label: 'Talk to a person', reply: 'A person will answer soon.', handover: true },
        ],
      },
    });
    const top = 'How can we help?\n\n1 Opening hours\n2 Prices\n3 Talk to a person';
    expect(menuText(bot.menu, [], 'en')).toBe(top);
    const shown = decide(bot, incoming('hi'), { ...fresh, lastInboundAt: 1 }, regex);
    expect(shown.replies).toEqual([{ kind: 'menu', rule: 'Menu', text: top }]);
    expect(shown.menuPath).toEqual([]);
    const inMenu = (path: string[]) => ({ ...fresh, lastInboundAt: 1, menuPath: path, menuAt: MONDAY_10 });
    expect(decide(bot, incoming('1'), inMenu([]), regex).replies[0]?.text).toBe('Every day 9–18.');
    const sub = decide(bot, incoming('2'), inMenu([]), regex);
    expect(sub.menuPath).toEqual(['2']);
    expect(sub.replies[0]?.text).toBe('Prices\n\n1 Falafel\n2 Hummus\n0 Back');
    // No label written: "Back" in the automation's language (customers read it); a written one wins.
    const spanish = { ...bot, language: 'es-MX' };
    expect(decide(spanish, incoming('2'), inMenu([]), regex).replies[0]?.text).toBe(
      'Prices\n\n1 Falafel\n2 Hummus\n0 Volver',
    );
    expect(menuText(bot.menu, ['2'], 'he')).toBe('Prices\n\n1 Falafel\n2 Hummus\n0 חזרה');
    expect(menuText({ ...bot.menu, backLabel: 'Regresar' }, ['2'], 'es')).toContain('\n0 Regresar');
    expect(answerMenu(bot.menu, ['2'], 'hummus', 'en').replies[0]?.text).toBe('Hummus: 4 €');
    expect(decide(bot, incoming('0'), inMenu(['2']), regex)).toMatchObject({
      menuPath: [],
      replies: [{ text: top }],
    });
    expect(decide(bot, incoming('what?'), inMenu(['2']), regex).replies[0]?.text).toBe(
      menuText(bot.menu, ['2'], 'en'),
    );
    const handover = decide(bot, incoming('3'), inMenu([]), regex);
    expect(handover).toMatchObject({
      menuPath: null,
      actions: { handover: true },
      replies: [{ rule: 'Menu: Talk to a person' }],
    });
    // A menu left quiet past its timeout starts over.
    const stale = { ...inMenu(['2']), menuAt: MONDAY_10 - 31 * 60_000 };
    expect(decide(bot, incoming('1'), stale, regex).menuPath).toEqual([]);
  });
});

describe('safety', () => {
  const base: MessageFacts = {
    fromMe: false,
    chatKind: 'user',
    optedOut: false,
    ignoredNumber: false,
    isContact: false,
    unreadBefore: 0,
    pausedUntil: null,
    stopped: false,
    now: MONDAY_10,
  };
  const on = settings({});

  it('answers people, never our own messages, statuses, channels, opted-out or paused chats', () => {
    expect(skipReason(on, base)).toBeNull();
    expect(skipReason(settings({ enabled: false }), base)).toMatch(/off/);
    expect(skipReason(on, { ...base, fromMe: true })).toMatch(/own/);
    expect(skipReason(on, { ...base, chatKind: 'broadcast' })).toMatch(/status/);
    expect(skipReason(on, { ...base, chatKind: 'newsletter' })).toMatch(/channel/);
    expect(skipReason(on, { ...base, chatKind: 'group' })).toMatch(/groups/);
    expect(
      skipReason(settings({ switches: { replyInGroups: true } }), { ...base, chatKind: 'group' }),
    ).toBeNull();
    expect(skipReason(on, { ...base, optedOut: true })).toMatch(/opted out/);
    expect(skipReason(on, { ...base, ignoredNumber: true })).toMatch(/ignore/);
    expect(skipReason(on, { ...base, pausedUntil: MONDAY_10 + 1 })).toMatch(/paused/);
    expect(skipReason(on, { ...base, pausedUntil: MONDAY_10 - 1 })).toBeNull();
    expect(skipReason(on, { ...base, stopped: true })).toMatch(/stopped/);
    expect(skipReason(settings({ switches: { audience: 'contacts' } }), base)).toMatch(/contacts/);
    expect(skipReason(settings({ switches: { audience: 'unknown' } }), { ...base, isContact: true })).toMatch(
      /unknown/,
    );
    expect(
      skipReason(settings({ switches: { replyToUnread: false } }), { ...base, unreadBefore: 2 }),
    ).toMatch(/unread/);
  });
});

describe('settings validation', () => {
  const fieldOf = (input: unknown) => {
    const result = automationSettingsSchema.safeParse(input);
    return result.success ? null : result.error.issues[0]?.path.join('.');
  };

  it('names the bad field', () => {
    expect(
      fieldOf({ rules: [{ id: 'r', name: 'R', match: 'regex', patterns: ['(unclosed'], reply: 'x' }] }),
    ).toBe('rules.0.patterns.0');
    expect(fieldOf({ rules: [{ id: 'r', name: 'R', match: 'exact', patterns: ['hi'], reply: '  ' }] })).toBe(
      'rules.0.reply',
    );
    expect(fieldOf({ greeting: { enabled: true, text: '{Hi|Hello' } })).toBe('greeting.text');
    expect(fieldOf({ greeting: { enabled: true, text: '' } })).toBe('greeting.text');
    expect(fieldOf({ timeZone: 'Mars/Olympus' })).toBe('timeZone');
    expect(fieldOf({ menu: { enabled: true, options: [{ key: '1', label: 'Nothing' }] } })).toBe(
      'menu.options.0.reply',
    );
    expect(
      fieldOf({
        menu: {
          options: [
            { key: '1', label: 'A', reply: 'a' },
            { key: '1', label: 'B', reply: 'b' },
          ],
        },
      }),
    ).toBe('menu.options.1.key');
    expect(
      fieldOf({ menu: { options: [{ key: '2', label: 'P', options: [{ key: '1', label: 'X' }] }] } }),
    ).toBe('menu.options.0.options.0.reply');
    expect(fieldOf({})).toBeNull();
  });
});
