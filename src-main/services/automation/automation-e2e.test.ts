/**
 * Automation end to end: a real core with session `shop` linked on the local WhatsApp server and
 * real Baileys customers. "Now" is a ManualClock (hours, windows and pauses are decided on it);
 * the typing delay's timers are real, so "typing…" really shows before the message.
 */
import type { WAMessage } from '@whiskeysockets/baileys';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageText, type Customer } from '../../../testkit/wa-emulator/customer.js';
import type {
  AutomationChatState,
  AutomationSettingsInput,
  AutomationView,
} from '../../../src-shared/contract/automation.js';
import type { Message } from '../../../src-shared/messages.js';
import { sessionReaches } from '../../../testkit/support/events.js';
import { linkedWorld, type LinkedWorld } from '../../../testkit/support/linked-session.js';
import { ManualClock, systemClock } from '../schedule/clock.js';
import { renderAutomationText } from './engine/render.js';
import { JPEG_48PX } from '../../../testkit/support/media-fixtures.js';
import { startReceiver } from '../../../testkit/support/webhook-receiver.js';

let world: LinkedWorld;
// Monday 7 December 2026, 10:00 in Lisbon (UTC+0 in winter): inside the hours below.
const MONDAY_10 = Date.parse('2026-12-07T10:00:00Z');
const clock = new ManualClock(MONDAY_10);
const HOURS = {
  timeZone: 'Europe/Lisbon',
  hours: { MO: [{ availableFrom: '09:00:00', availableUntil: '18:00:00' }] },
};

beforeAll(async () => {
  world = await linkedWorld({ shopPhone: '972506170000', customerPhone: '972506170001' });
  world.app.core.services.automation.useClock({ now: () => clock.now(), setTimer: systemClock.setTimer });
}, 60_000);

afterAll(async () => {
  await world?.close();
});

async function call<T>(path: string, method = 'GET', json?: unknown): Promise<{ status: number; body: T }> {
  const response = await world.app.request(`/api/v1${path}`, {
    method,
    ...(json !== undefined ? { json } : {}),
  });
  return { status: response.status, body: (await response.json()) as T };
}

async function configure(settings: AutomationSettingsInput): Promise<AutomationView> {
  const saved = await call<AutomationView>('/sessions/shop/automation', 'PUT', {
    enabled: true,
    typingDelay: false,
    ...HOURS,
    ...settings,
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  return saved.body;
}

const texts = (customer: Customer) => customer.received.map((m) => messageText(m) ?? '');

/**
 * Sends a marker from the shop and waits until the customer has it, after automation has
 * handled everything before: WhatsApp keeps one sender's messages in order, so whatever
 * automation would have sent has arrived by then too. (The marker is a staff message: it
 * pauses automation in the chat, so it ends a scenario.)
 */
async function settle(customer: Customer, label: string): Promise<void> {
  await world.app.core.services.automation.idle();
  const { body } = await call<Message>('/sessions/shop/messages', 'POST', {
    to: customer.phone,
    type: 'text',
    text: `marker ${label}`,
  });
  await customer.waitForMessage((m) => m.key.id === body.id);
}

/** The customer writes and waits for automation to have handled it. */
async function write(customer: Customer, text: string): Promise<WAMessage> {
  const sent = await customer.sendText(world.shopJid, text);
  await world.waitForEvent((e) => e.type === 'message.received' && e.data.id === sent.key.id);
  await world.app.core.services.automation.idle();
  return sent;
}

describe('automation with real customers', () => {
  it('greets a first message once, shows typing first, and marks what it sent', async () => {
    await configure({
      greeting: { enabled: true, text: 'Welcome to Falafel House, [first_name]!' },
      typingDelay: true,
    });
    const dana = await world.newCustomer('972506170010', 'Dana Cohen');
    await write(dana, 'Hi there');
    const greeting = await dana.waitForText('Welcome to Falafel House, Dana!');
    expect(
      dana.presences.some((p) =>
        Object.values(p.presences).some(
          (presence) => (presence as { lastKnownPresence?: string }).lastKnownPresence === 'composing',
        ),
      ),
    ).toBe(true);
    const replied = await world.waitForEvent(
      (e) => e.type === 'automation.replied' && e.data.messageId === greeting.key.id,
    );
    expect(replied.data).toMatchObject({ kind: 'greeting', actor: 'Automation: Greeting', chat: dana.jid });
    // Stored and announced like any sent message.
    await world.waitForEvent((e) => e.type === 'message.sent' && e.data.id === greeting.key.id);

    await write(dana, 'Do you deliver?');
    await settle(dana, 'greeting');
    expect(texts(dana).filter((t) => t.startsWith('Welcome'))).toHaveLength(1);
  });

  it('outside hours sends the away message once per window', async () => {
    clock.set(Date.parse('2026-12-07T22:00:00Z'));
    await configure({
      away: { enabled: true, text: 'We are closed; we open again [opens_at].', everyHours: 6 },
    });
    const view = await call<AutomationView>('/sessions/shop/automation');
    expect(view.body).toMatchObject({ openNow: false, nextOpening: '2026-12-14T09:00:00.000Z' });
    const omar = await world.newCustomer('972506170020', 'Omar');
    const away = 'We are closed; we open again Monday 9:00 AM.';
    await write(omar, 'Hello?');
    await omar.waitForText(away);
    await write(omar, 'Anyone?');
    clock.advance(5 * 3600_000);
    await write(omar, 'Still closed?');
    clock.advance(3600_000);
    await write(omar, 'Good morning?');
    await settle(omar, 'away');
    expect(texts(omar).filter((t) => t === away)).toHaveLength(2);
    clock.set(MONDAY_10 + 7 * 86_400_000);
  });

  it('a keyword rule answers with the seeded spintax variant and the placeholders filled', async () => {
    const template =
      '{Hi|Hello|Hey} [first_name]! Our prices: https://falafel.example/menu ([time], [phone])';
    await configure({
      language: 'en-GB',
      rules: [
        { id: 'hours', name: 'Hours', match: 'startsWith', patterns: ['when'], reply: 'Every day 9–18' },
        { id: 'prices', name: 'Prices', match: 'contains', patterns: ['precio', 'price'], reply: template },
      ],
    });
    const noa = await world.newCustomer('972506170030', 'Noa Levi');
    const expected = (id: string) =>
      renderAutomationText(
        template,
        {
          name: 'Noa Levi',
          phone: `+${noa.phone}`,
          at: clock.now(),
          opensAt: null,
          timeZone: 'Europe/Lisbon',
          language: 'en-GB',
        },
        `${id}\u0000keyword`,
      );
    for (const question of ['¿Cuál es el PRÉCIO?', 'price list please', 'Any prices?', 'precio']) {
      const asked = await write(noa, question);
      if (question === 'Any prices?') continue; // "prices" is not the word "price"
      const answer = expected(asked.key.id!);
      expect(answer).toMatch(/^(Hi|Hello|Hey) Noa! Our prices: .* \(\d\d:\d\d, \+972506170030\)$/);
      await noa.waitForText(answer);
    }
    await settle(noa, 'keywords');
    expect(texts(noa).filter((t) => t.includes('Our prices'))).toHaveLength(3);
    const replied = world.events.filter((e) => e.type === 'automation.replied' && e.data.chat === noa.jid);
    expect(replied.map((e) => e.type === 'automation.replied' && e.data.rule)).toEqual([
      'Prices',
      'Prices',
      'Prices',
    ]);
  });

  it('the menu navigates, goes back, repeats on an unknown answer and hands over', async () => {
    await configure({
      // Seven answers in a few seconds: more than the loop guard's default of five an hour.
      maxPerChatPerHour: 20,
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
          { key: '3', label: 'Talk to a person', reply: 'A person will answer you soon.', handover: true },
        ],
      },
    });
    const top = 'How can we help?\n\n1 Opening hours\n2 Prices\n3 Talk to a person';
    const prices = 'Prices\n\n1 Falafel\n2 Hummus\n0 Back';
    const yael = await world.newCustomer('972506170040', 'Yael');
    const steps: [string, string][] = [
      ['Hello', top],
      ['1', 'Every day 9–18.'],
      ['2', prices],
      ['2', 'Hummus: 4 €'],
      ['what?', prices],
      ['0', top],
      ['3', 'A person will answer you soon.'],
    ];
    let expectedCount = 0;
    for (const [answer, reply] of steps) {
      await write(yael, answer);
      expectedCount++;
      await yael.waitFor(
        () => (texts(yael).length >= expectedCount ? true : null),
        15_000,
        `the answer to ${answer}`,
      );
      expect(texts(yael).at(-1)).toBe(reply);
    }
    const state = await call<AutomationChatState>(`/sessions/shop/automation/chats/${yael.phone}`);
    expect(state.body).toMatchObject({ pauseReason: 'handover', menuPath: null });
    expect(Date.parse(state.body.pausedUntil!)).toBe(clock.now() + 12 * 3600_000);
    // Handed over: the bot stays quiet for the person.
    await write(yael, 'Hello? 1');
    await settle(yael, 'menu');
    expect(texts(yael)).toHaveLength(expectedCount + 1);
  });

  it('staff replying pauses automation in that chat until resumed', async () => {
    await configure({ defaultReply: { enabled: true, text: 'Thanks, noted.' } });
    const lior = await world.newCustomer('972506170050', 'Lior');
    await write(lior, 'First');
    await lior.waitForText('Thanks, noted.');
    const staff = await call<Message>('/sessions/shop/messages', 'POST', {
      to: lior.phone,
      type: 'text',
      text: 'Hi, Anna here',
    });
    await lior.waitForMessage((m) => m.key.id === staff.body.id);
    const paused = await call<AutomationChatState>(`/sessions/shop/automation/chats/${lior.phone}`);
    expect(paused.body).toMatchObject({
      pauseReason: 'staff',
      pausedUntil: new Date(clock.now() + 12 * 3600_000).toISOString(),
    });
    await write(lior, 'Second');
    const resumed = await call<AutomationChatState>(
      `/sessions/shop/automation/chats/${lior.phone}/resume`,
      'POST',
    );
    expect(resumed.body).toMatchObject({ pausedUntil: null, stopped: false });
    await write(lior, 'Third');
    await lior.waitFor(
      () => (texts(lior).filter((t) => t === 'Thanks, noted.').length === 2 ? true : null),
      15_000,
      'a second reply',
    );
    expect(texts(lior)).toEqual(['Thanks, noted.', 'Hi, Anna here', 'Thanks, noted.']);
  });

  it('a rule can tag the chat and stop the bot there until resumed', async () => {
    const tag = await call<{ id: string }>('/tags', 'POST', { name: 'Wants a person', color: '#1a7f5a' });
    expect(tag.status).toBe(201);
    await configure({
      defaultReply: { enabled: true, text: 'Auto answer' },
      rules: [
        {
          id: 'human',
          name: 'Human please',
          match: 'exact',
          patterns: ['human', 'a person'],
          reply: 'OK, a person will write to you.',
          addTag: tag.body.id,
          stop: true,
        },
      ],
    });
    const ben = await world.newCustomer('972506170060', 'Ben');
    await write(ben, 'HUMAN!');
    await ben.waitForText('OK, a person will write to you.');
    const tagged = await world.waitForEvent((e) => e.type === 'chat.tagged' && e.data.chat === ben.jid);
    expect(tagged.data).toMatchObject({ action: 'added', tag: { name: 'Wants a person' } });
    const state = await call<AutomationChatState>(`/sessions/shop/automation/chats/${ben.phone}`);
    expect(state.body).toMatchObject({ stopped: true, pausedUntil: null });
    await write(ben, 'hello?');
    await settle(ben, 'stopped');
    expect(texts(ben)).not.toContain('Auto answer');
  });

  it('a rule can call a webhook: only that webhook hears it, and its {"reply"} reaches the customer', async () => {
    const crm = await startReceiver();
    const other = await startReceiver();
    try {
      const created = await call<{ webhook: { id: string } }>('/webhooks', 'POST', {
        name: 'Order bot',
        url: crm.url,
        events: ['session.status'],
      });
      expect(created.status).toBe(201);
      const hook = created.body.webhook;
      // A webhook subscribed to everything still does not hear another webhook's rule calls.
      expect((await call('/webhooks', 'POST', { name: 'Audit', url: other.url })).status).toBe(201);
      const rule = {
        id: 'order',
        name: 'Order status',
        match: 'startsWith' as const,
        patterns: ['order'],
        webhookId: hook.id,
      };
      const refused = await call<{ error: { field: string } }>('/sessions/shop/automation', 'PUT', {
        enabled: true,
        typingDelay: false,
        ...HOURS,
        rules: [{ ...rule, webhookId: 'wh_nope' }],
      });
      expect(refused.status).toBe(400);
      expect(refused.body.error.field).toBe('rules.0.webhookId');

      await configure({ rules: [rule] });
      crm.answerWith({ status: 200, body: JSON.stringify({ reply: 'Order 1234 ships tomorrow.' }) });
      const gil = await world.newCustomer('972506170080', 'Gil');
      await write(gil, 'Order 1234?');
      await gil.waitForText('Order 1234 ships tomorrow.');
      const call1 = crm.received.find((d) => d.json.type === 'automation.rule_matched');
      expect(call1?.json.data).toMatchObject({
        webhookId: hook.id,
        chat: gil.jid,
        rule: { id: 'order', name: 'Order status' },
        message: { text: 'Order 1234?' },
      });
      await settle(gil, 'webhook');
      expect(other.received.some((d) => d.json.type === 'automation.rule_matched')).toBe(false);
    } finally {
      await crm.close();
      await other.close();
    }
  });

  it('a rule can assign the chat to a team, announced with the rule as the reason', async () => {
    const team = await call<{ id: string }>('/teams', 'POST', { name: 'Wholesale' });
    expect(team.status).toBe(201);
    const rule = {
      id: 'bulk',
      name: 'Bulk orders',
      match: 'contains' as const,
      patterns: ['wholesale'],
      reply: 'Our wholesale team will answer you.',
      assign: { user: null, team: team.body.id },
    };
    const refused = await call<{ error: { field: string } }>('/sessions/shop/automation', 'PUT', {
      enabled: true,
      typingDelay: false,
      ...HOURS,
      rules: [{ ...rule, assign: { user: null, team: 'team_nope' } }],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.field).toBe('rules.0.assign.team');

    await configure({ rules: [rule] });
    const hila = await world.newCustomer('972506170090', 'Hila');
    await write(hila, 'Do you sell wholesale?');
    await hila.waitForText('Our wholesale team will answer you.');
    const assigned = await world.waitForEvent((e) => e.type === 'chat.assigned' && e.data.chat === hila.jid);
    expect(assigned.data).toMatchObject({ to: { team: { id: team.body.id } }, reason: 'rule:bulk' });
    expect(assigned.actor).toMatchObject({ type: 'system', name: 'Automation: Bulk orders' });
  });

  it('a rule can send a saved reply with media, its text as the caption', async () => {
    const saved = await call<{ id: string }>('/saved-replies', 'POST', {
      shortcut: 'menu',
      title: 'Menu photo',
      text: 'Our menu, [first_name]',
      media: { type: 'image', data: `data:image/jpeg;base64,${JPEG_48PX.toString('base64')}` },
    });
    expect(saved.status).toBe(201);
    await configure({
      rules: [
        {
          id: 'menu',
          name: 'Menu photo',
          match: 'contains',
          patterns: ['menu'],
          savedReplyId: saved.body.id,
        },
      ],
    });
    const tested = await call<{ replies: unknown[] }>('/sessions/shop/automation/test', 'POST', {
      text: 'The MENU please',
      name: 'Maya Katz',
    });
    expect(tested.body.replies).toEqual([
      {
        kind: 'keyword',
        rule: 'Menu photo',
        text: 'Our menu, Maya',
        savedReplyId: saved.body.id,
        media: 'image',
      },
    ]);
    const maya = await world.newCustomer('972506170070', 'Maya Katz');
    await write(maya, 'The MENU please');
    const photo = await maya.waitForMessage((m) => m.message?.imageMessage?.caption === 'Our menu, Maya');
    const replied = await world.waitForEvent(
      (e) => e.type === 'automation.replied' && e.data.messageId === photo.key.id,
    );
    expect(replied.data).toMatchObject({ rule: 'Menu photo', text: 'Our menu, Maya' });
  });

  it('groups are ignored by default', async () => {
    await configure({ defaultReply: { enabled: true, text: 'Group auto-reply' } });
    const group = await world.customer.groupCreate('Falafel fans', [world.shopJid]);
    const inGroup = await world.customer.sendText(group.id, 'Anyone hungry?');
    await world.waitForEvent((e) => e.type === 'message.received' && e.data.id === inGroup.key.id);
    await world.app.core.services.automation.idle();
    expect(world.events.some((e) => e.type === 'automation.replied' && e.data.chat === group.id)).toBe(false);
  });

  it('two Chatdock numbers answering each other stop at the per-chat hourly limit', async () => {
    const { app, emulator } = world;
    await call('/sessions', 'POST', { id: 'bot', name: 'Other bot' });
    const qrShown = sessionReaches(app.core.bus, 'bot', 'qr');
    await call('/sessions/bot/connect', 'POST');
    const { qr } = await qrShown;
    const linked = sessionReaches(app.core.bus, 'bot', 'connected');
    await emulator.scanQr(qr ?? '', '972506170099', 'Other bot');
    await linked;
    const loop = {
      defaultReply: { enabled: true, text: 'Auto: {got it|thanks}' },
      maxPerChatPerHour: 3,
      pauseHours: 1,
    };
    await configure(loop);
    const other = await call('/sessions/bot/automation', 'PUT', {
      enabled: true,
      typingDelay: true,
      ...loop,
    });
    expect(other.status).toBe(200);
    // The first message is a "staff" send, which pauses the sender's chat for an hour; by the
    // time the answer arrives (after 1–3 s of typing) that hour has passed on the manual clock.
    const before = world.events.filter((e) => e.type === 'automation.replied').length;
    await call('/sessions/bot/messages', 'POST', {
      to: world.shopPhone,
      type: 'text',
      text: 'Hello from the other bot',
    });
    clock.advance(3600_000 + 1);
    const replies = () => world.events.filter((e) => e.type === 'automation.replied');
    await world.waitForEvent(() => replies().length >= before + 6, 60_000);
    // The last answer arrived and was weighed against the limit: nothing more follows.
    const last = replies().at(-1)!;
    const lastId = last.type === 'automation.replied' ? last.data.messageId : '';
    await world.waitForEvent((e) => e.type === 'message.received' && e.data.id === lastId, 30_000);
    await app.core.services.automation.idle();
    const count = (session: string) =>
      app.core.db.$client
        .prepare<[string], { n: number }>('SELECT count(*) AS n FROM automation_replies WHERE session_id = ?')
        .get(session)!.n;
    expect(replies().length - before).toBe(6);
    expect(count('bot')).toBe(3);
    expect(
      replies().filter((e) => e.session === 'shop' && e.data.chat === '972506170099@s.whatsapp.net'),
    ).toHaveLength(3);
  });

  it('refuses bad settings with 400 naming the field', async () => {
    const bad = async (settings: unknown) =>
      (await call<{ error: { field: string } }>('/sessions/shop/automation', 'PUT', settings)).body.error
        ?.field;
    expect(await bad({ rules: [{ id: 'r', name: 'R', match: 'regex', patterns: ['(a'], reply: 'x' }] })).toBe(
      'rules.0.patterns.0',
    );
    expect(await bad({ timeZone: 'Moon/Base' })).toBe('timeZone');
    expect(await bad({ greeting: { enabled: true, text: '{Hi|Hello [name]' } })).toBe('greeting.text');
    expect(await bad({ menu: { options: [{ key: '1', label: 'Nowhere' }] } })).toBe('menu.options.0.reply');
    const warned = await configure({ defaultReply: { enabled: true, text: 'Order [order_id] noted' } });
    expect(warned.warnings).toEqual([
      {
        field: 'defaultReply.text',
        code: 'unknown_placeholder',
        params: { placeholder: 'order_id' },
        message: '[order_id] is not a known placeholder and is sent as typed',
      },
    ]);
    const tested = await call<{ replies: { text: string }[] }>('/sessions/shop/automation/test', 'POST', {
      text: 'hey',
    });
    expect(tested.body.replies).toEqual([
      { kind: 'default', rule: 'Default reply', text: 'Order [order_id] noted' },
    ]);
    expect(tested.body).toMatchObject({ skipped: null, skippedReason: null });
    // Switched off, the test still answers, and says why nothing would go out (a code for the UI).
    await configure({ enabled: false, defaultReply: { enabled: true, text: 'Noted' } });
    const off = await call<{ replies: { text: string }[] }>('/sessions/shop/automation/test', 'POST', {
      text: 'hey',
    });
    expect(off.body).toMatchObject({ replies: [{ text: 'Noted' }], skippedReason: 'automation_off' });
  });
});
