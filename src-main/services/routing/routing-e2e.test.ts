/**
 * Routing end to end (issue #16): a real core with number `shop` linked on the local WhatsApp
 * server and real Baileys customers writing to it. Rules, teams and the rule-engine webhook are
 * set over REST, as Settings → Routing does; what the tests look at is what a user would see:
 * who the chat is assigned to, the reason on `chat.assigned`, the tags, the webhook's delivery log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatAssignedEvent } from '../../../src-shared/contract/assignment.js';
import type { AnyEventEnvelope, EventEnvelope } from '../../../src-shared/contract/events.js';
import type { RoutingRuleInput } from '../../../src-shared/contract/routing.js';
import type { UserWithCode } from '../../../src-shared/contract/people.js';
import type { Customer } from '../../../testkit/wa-emulator/customer.js';
import { linkedWorld, type LinkedWorld } from '../../../testkit/support/linked-session.js';
import { startReceiver } from '../../../testkit/support/webhook-receiver.js';

let world: LinkedWorld;
const people: Record<string, string> = {};
let support = '';

async function call<T>(path: string, method = 'GET', json?: unknown): Promise<{ status: number; body: T }> {
  const response = await world.app.request(`/api/v1${path}`, {
    method,
    ...(json !== undefined ? { json } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

async function ok<T>(path: string, method = 'GET', json?: unknown): Promise<T> {
  const answer = await call<T>(path, method, json);
  expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
  return answer.body;
}

async function rules(list: RoutingRuleInput[]): Promise<{ rules: { id: string }[] }> {
  return ok('/routing/rules', 'PUT', { rules: list });
}

function assignedEvents(chat: string): EventEnvelope<'chat.assigned'>[] {
  return world.events.filter(
    (e): e is EventEnvelope<'chat.assigned'> => e.type === 'chat.assigned' && e.data.chat === chat,
  );
}

const assignedTo = (chat: string, reason?: string) => (e: AnyEventEnvelope) =>
  e.type === 'chat.assigned' && e.data.chat === chat && (reason === undefined || e.data.reason === reason);

/**
 * A step on the local WhatsApp server that now and then never finishes on a loaded machine (the
 * live-customer flake of session 6's note): fail it, naming the step, instead of waiting out the
 * whole test.
 */
async function within<T>(what: string, work: Promise<T>, ms = 90_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not done within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}

async function newConversation(phone: string, name: string, text: string): Promise<Customer> {
  const customer = await within(`new customer ${name}`, world.newCustomer(phone, name));
  const sent = await within(`${name}'s first message`, customer.sendText(world.shopJid, text));
  await world.waitForEvent((e) => e.type === 'message.received' && e.data.id === sent.key.id, 60_000);
  return customer;
}

async function setAvailable(name: string, available: boolean): Promise<void> {
  world.app.core.services.assignment.availability.set(people[name]!, available);
}

beforeAll(async () => {
  world = await linkedWorld({ shopPhone: '972506180000', customerPhone: '972506180001' });
  for (const name of ['Ana', 'Ben', 'Cai', 'Dov']) {
    const created = await ok<UserWithCode>('/users', 'POST', {
      name,
      login: name.toLowerCase(),
      role: 'agent',
      password: 'correct horse 1',
    });
    people[name] = created.user.id;
  }
  await ok('/sessions/shop/permissions', 'PUT', {
    grants: Object.values(people).map((id) => ({
      subject: { type: 'user', id },
      read: 'all',
      write: true,
      canUseTags: false,
      canManageSavedReplies: false,
    })),
  });
  support = (await ok<{ id: string }>('/teams', 'POST', { name: 'Support', members: Object.values(people) }))
    .id;
}, 90_000);

afterAll(async () => {
  await world?.close();
});

describe('routing with real customers', () => {
  it('a rule routes a new customer’s conversation to a team and tags it', async () => {
    const sales = await ok<{ id: string }>('/teams', 'POST', { name: 'Sales' });
    const tag = await ok<{ id: string }>('/tags', 'POST', { name: 'Lead', color: '#22aa55' });
    const refused = await call<{ error: { field: string } }>('/routing/rules', 'PUT', {
      rules: [
        {
          name: 'Prices',
          on: 'conversation',
          conditions: [{ type: 'text', match: 'regex', pattern: '(unclosed' }],
          actions: [{ type: 'assignTeam', team: sales.id }],
        },
      ],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.field).toBe('rules.0.conditions.0.pattern');
    // A person who may not read the number cannot be a rule's assignee.
    const zed = await ok<UserWithCode>('/users', 'POST', {
      name: 'Zed',
      login: 'zed',
      role: 'agent',
      password: 'correct horse 1',
    });
    const unreadable = await call<{ error: { field: string; message: string } }>('/routing/rules', 'POST', {
      name: 'To Zed',
      on: 'conversation',
      conditions: [],
      actions: [{ type: 'assignUser', user: zed.user.id }],
    });
    expect(unreadable.status).toBe(400);
    expect(unreadable.body.error).toMatchObject({
      field: 'actions.0.user',
      message: expect.stringContaining('Zed may not read the chats of number "shop"'),
    });

    const saved = await rules([
      {
        name: 'Prices go to Sales',
        on: 'conversation',
        conditions: [{ type: 'text', match: 'contains', pattern: 'price' }],
        actions: [{ type: 'assignTeam', team: sales.id }, { type: 'addTag', tag: tag.id }, { type: 'stop' }],
      },
      {
        name: 'Everyone else',
        on: 'conversation',
        conditions: [],
        actions: [{ type: 'assignTeam', team: support }],
      },
    ]);
    const ruleId = saved.rules[0]!.id;
    const noa = await newConversation('972506180010', 'Noa', 'Hi, what is the price of a large tray?');
    const assigned = await world.waitForEvent(assignedTo(noa.jid), 60_000);
    expect(assigned.data).toMatchObject({
      reason: `rule:${ruleId}`,
      to: { user: null, team: { id: sales.id, name: 'Sales' } },
      actor: { type: 'system', name: 'Routing: Prices go to Sales' },
    });
    await world.waitForEvent(
      (e) => e.type === 'chat.tagged' && e.data.chat === noa.jid && e.data.tag.id === tag.id,
      30_000,
    );
    const history = await ok<{ items: { reason: string }[] }>(
      `/sessions/shop/chats/${encodeURIComponent(noa.jid)}/assignment/history`,
    );
    expect(history.items[0]?.reason).toBe(`rule:${ruleId}`);
  }, 120_000);

  it('round robin spreads 9 new conversations over 3 available agents 3/3/3, skipping one away', async () => {
    await ok(`/routing/teams/${support}`, 'PATCH', { method: 'round_robin', limit: null });
    await rules([
      {
        name: 'All to Support',
        on: 'conversation',
        conditions: [],
        actions: [{ type: 'assignTeam', team: support }],
      },
    ]);
    await setAvailable('Dov', false);
    const chats: string[] = [];
    for (let i = 0; i < 9; i++) {
      const customer = await newConversation(`97250618010${i}`, `Round ${i}`, `Hello ${i}`);
      chats.push(customer.jid);
      await world.waitForEvent(assignedTo(customer.jid, 'round_robin'), 60_000);
    }
    await world.app.core.services.routing.listener.idle();
    const counts: Record<string, number> = {};
    for (const chat of chats) {
      const owner = (assignedEvents(chat).at(-1)!.data as ChatAssignedEvent).to.user?.name ?? 'nobody';
      counts[owner] = (counts[owner] ?? 0) + 1;
    }
    expect(counts).toEqual({ Ana: 3, Ben: 3, Cai: 3 });
    const teams = await ok<{ items: { team: { id: string }; members: { name: string; open: number }[] }[] }>(
      '/routing/teams',
    );
    const team = teams.items.find((t) => t.team.id === support)!;
    expect(team.members.find((m) => m.name === 'Dov')?.open).toBe(0);
  }, 300_000);

  it('with nobody available, round robin leaves the chat in the team’s queue and says so', async () => {
    for (const name of ['Ana', 'Ben', 'Cai', 'Dov']) await setAvailable(name, false);
    try {
      const eli = await newConversation('972506180200', 'Eli', 'Anyone there?');
      const assigned = await world.waitForEvent(assignedTo(eli.jid), 60_000);
      expect(assigned.data).toMatchObject({
        reason: 'round_robin',
        note: 'nobody available',
        to: { user: null, team: { id: support } },
      });
    } finally {
      for (const name of ['Ana', 'Ben', 'Cai', 'Dov']) await setAvailable(name, true);
    }
  }, 120_000);

  it('the rule-engine webhook’s answer assigns and tags; its timeout and garbage fall back to the rules', async () => {
    const receiver = await startReceiver();
    try {
      const hook = (
        await ok<{ webhook: { id: string } }>('/webhooks', 'POST', {
          name: 'Router',
          url: receiver.url,
          events: ['session.status'],
        })
      ).webhook;
      await ok('/tags', 'POST', { name: 'VIP', color: '#aa2255' });
      await ok(`/routing/teams/${support}`, 'PATCH', { method: 'manual' });
      const saved = await rules([
        {
          name: 'Default',
          on: 'conversation',
          conditions: [],
          actions: [{ type: 'assignTeam', team: support }],
        },
      ]);
      const refused = await call<{ error: { field: string } }>('/sessions/shop/routing/webhook', 'PUT', {
        webhookId: 'wh_nope',
      });
      expect(refused.body.error.field).toBe('webhookId');
      await ok('/sessions/shop/routing/webhook', 'PUT', { webhookId: hook.id, timeoutMs: 1500 });

      receiver.answerWith({
        status: 200,
        body: JSON.stringify({ assign: { user: people.Ben }, tags: ['VIP'], status: 'pending' }),
      });
      const gal = await newConversation('972506180300', 'Gal', 'I ordered twice');
      const byHook = await world.waitForEvent(assignedTo(gal.jid), 60_000);
      expect(byHook.data).toMatchObject({ reason: 'webhook', to: { user: { id: people.Ben } } });
      await world.waitForEvent((e) => e.type === 'chat.tagged' && e.data.chat === gal.jid, 30_000);
      const request = receiver.received.find((d) => d.json.type === 'routing.requested');
      expect(request?.headers['webhook-signature']).toMatch(/^v1,/);
      expect(request?.json.data).toMatchObject({
        webhookId: hook.id,
        chat: gal.jid,
        trigger: 'conversation',
        message: { text: 'I ordered twice' },
      });

      // Too slow: the default rule decides, and the delivery log says why.
      receiver.answerWith({ status: 200, body: '{"assign":{"user":"x"}}', delayMs: 4000 });
      const hila = await newConversation('972506180301', 'Hila', 'Hello?');
      const byRule = await world.waitForEvent(assignedTo(hila.jid), 60_000);
      expect(byRule.data).toMatchObject({
        reason: `rule:${saved.rules[0]!.id}`,
        to: { team: { id: support } },
      });

      // Garbage: the same.
      receiver.answerWith({ status: 200, body: '{"assign": "everyone"}' });
      const ido = await newConversation('972506180302', 'Ido', 'Hi again');
      const byRuleAgain = await world.waitForEvent(assignedTo(ido.jid), 60_000);
      expect(byRuleAgain.data).toMatchObject({ reason: `rule:${saved.rules[0]!.id}` });

      const log = await ok<{ items: { status: string; lastError: string | null }[] }>(
        `/webhooks/${hook.id}/deliveries`,
      );
      const errors = log.items.filter((d) => d.status === 'failed').map((d) => d.lastError);
      expect(errors).toEqual(
        expect.arrayContaining([expect.stringMatching(/timed out/), expect.stringMatching(/^assign/)]),
      );
      expect(log.items.some((d) => d.status === 'succeeded')).toBe(true);
    } finally {
      await ok('/sessions/shop/routing/webhook', 'PUT', { webhookId: null });
      await receiver.close();
    }
  }, 240_000);

  it('a rule that re-triggers itself runs once per event (the loop is stopped)', async () => {
    const flag = await ok<{ id: string }>('/tags', 'POST', { name: 'Agent needed', color: '#2255aa' });
    const seen = await ok<{ id: string }>('/tags', 'POST', { name: 'Seen', color: '#888888' });
    await rules([
      {
        name: 'Bounce',
        on: 'tag',
        conditions: [{ type: 'tagAdded', tag: flag.id }],
        // Removing and adding the tag again re-triggers this very rule.
        actions: [
          { type: 'removeTag', tag: flag.id },
          { type: 'addTag', tag: flag.id },
          { type: 'addTag', tag: seen.id },
          { type: 'assignTeam', team: support },
        ],
      },
    ]);
    const jo = await newConversation('972506180400', 'Jo', 'Please get me a human');
    const path = `/sessions/shop/chats/${encodeURIComponent(jo.jid)}/tags/${flag.id}`;
    await ok(path, 'PUT', {});
    await world.waitForEvent(
      (e) => e.type === 'chat.tagged' && e.data.chat === jo.jid && e.data.tag.id === seen.id,
      30_000,
    );
    await world.app.core.services.routing.listener.idle();
    const added = world.events.filter(
      (e) =>
        e.type === 'chat.tagged' &&
        e.data.chat === jo.jid &&
        e.data.tag.id === flag.id &&
        e.data.action === 'added',
    );
    // The bot's tag, and the rule's one re-add; the re-add did not run the rule again.
    expect(added).toHaveLength(2);
    expect(assignedEvents(jo.jid).filter((e) => e.data.reason.startsWith('rule:'))).toHaveLength(1);
  }, 120_000);
});
