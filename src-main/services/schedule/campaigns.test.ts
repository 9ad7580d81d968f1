/**
 * A campaign of 50 recipients end to end, with a restart in the middle. Four recipients are
 * real Baileys customers; the rest are accounts on the local WhatsApp server, and what reached
 * them is read from the server's own stanza log. Delays are 20–50 ms of real time.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageText, type Customer } from '../../../testkit/wa-emulator/customer.js';
import type {
  Campaign,
  CampaignPreview,
  CampaignRecipient,
  OptOut,
} from '../../../src-shared/contract/schedule.js';
import type { Message } from '../../../src-shared/messages.js';
import type { Core } from '../../app/container.js';
import { linkedWorld, type LinkedWorld } from '../../../testkit/support/linked-session.js';
import { startTestCore, type TestCore } from '../../../testkit/support/test-core.js';

let world: LinkedWorld;
let customers: Customer[];

beforeAll(async () => {
  world = await linkedWorld({ shopPhone: '972506660000', customerPhone: '972506660001' });
  customers = [
    world.customer,
    await world.newCustomer('972506660002', 'Avi'),
    await world.newCustomer('972506660003', 'Noa'),
    await world.newCustomer('972506660004', 'Omer'),
  ];
}, 90_000);

afterAll(async () => {
  await world?.close();
});

async function call<T>(
  app: TestCore,
  path: string,
  method = 'GET',
  json?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await app.request(path, { method, ...(json !== undefined ? { json } : {}) });
  return { status: response.status, body: (await response.json()) as T };
}

/** Resolves once the campaign matches `done`, checked now and on every progress event. */
function campaignReaches(core: Core, id: string, done: (campaign: Campaign) => boolean, timeoutMs = 60_000) {
  return new Promise<Campaign>((resolve, reject) => {
    const check = () => {
      const campaign = core.services.scheduling.campaigns.get(id);
      if (!done(campaign)) return false;
      clearTimeout(timer);
      unsubscribe();
      resolve(campaign);
      return true;
    };
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`campaign ${id} did not get there in ${timeoutMs} ms`));
    }, timeoutMs);
    const unsubscribe = core.bus.subscribe((event) => {
      if (event.type === 'campaign.progress' && event.data.campaign.id === id) check();
    });
    check();
  });
}

/**
 * Every message the shop's device sent to each recipient, from the WhatsApp server's log, in
 * order: one entry per arrival, so a re-send under the same message id counts twice.
 */
function messagesSentTo(): Map<string, string[]> {
  const lidToPhone = new Map(world.emulator.accounts().map((a) => [`${a.lid}@lid`, a.jid]));
  const sent = new Map<string, string[]>();
  for (const entry of world.emulator.messagesFor(world.shopPhone)) {
    if (entry.direction !== 'in' || entry.stanza.tag !== 'message') continue;
    const to = entry.stanza.attrs.to ?? '';
    const jid = lidToPhone.get(to) ?? to;
    const ids = sent.get(jid) ?? [];
    ids.push(entry.stanza.attrs.id ?? '');
    sent.set(jid, ids);
  }
  return sent;
}

describe('campaign placeholders', () => {
  it('fills [name] of a pasted number from the name this number already knows', async () => {
    const [dana] = customers as [Customer];
    const hello = await dana.sendText(world.shopJid, 'Hi, it is Dana');
    await world.waitForEvent((e) => e.type === 'message.received' && e.data.id === hello.key.id);
    // Her profile name is stored with her message, so it is known when the message is announced.
    const preview = await call<CampaignPreview>(world.app, '/api/v1/campaigns/preview', 'POST', {
      session: 'shop',
      template: 'Hello [name]!',
      // A bare number, a number with a name of its own, and a number nobody knows.
      recipients: { source: 'list', text: `+${dana.phone}\n+972506669999, Rina\n+972506669998` },
      limit: 10,
    });
    expect(preview.status).toBe(200);
    expect(preview.body.messages.map((m) => m.text)).toEqual(['Hello Dana!', 'Hello Rina!', 'Hello!']);
  });
});

describe('a campaign of 50 recipients', () => {
  it('sends each exactly once across a restart, skips an opted-out number and reports an invalid one', async () => {
    const { app, emulator } = world;
    const [dana, avi, noa, omer] = customers as [Customer, Customer, Customer, Customer];

    // Omer replies STOP to the shop: he is on the opt-out list from now on.
    await omer.sendText(world.shopJid, 'Stop');
    await world.waitForEvent((e) => e.type === 'message.received' && e.data.text === 'Stop');
    const optOuts = await call<{ items: OptOut[] }>(app, '/api/v1/opt-outs?session=shop');
    expect(optOuts.body.items).toMatchObject([{ jid: omer.jid, reason: 'stop_reply' }]);

    const ghosts = Array.from({ length: 44 }, (_, i) => {
      const phone = `9725077${String(i).padStart(5, '0')}`;
      emulator.createAccount(phone, `Ghost ${i}`);
      return phone;
    });
    const lines = [
      `+${dana.phone}, Dana`,
      `+${avi.phone}, Avi`,
      ...ghosts.slice(0, 20).map((phone, i) => `+${phone}, Guest ${i}`),
      'call me maybe, Broken',
      `+${noa.phone}, Noa`,
      `+${omer.phone}, Omer`,
      '+972 50 999 9999, Nobody',
      ...ghosts.slice(20).map((phone, i) => `${phone}, Guest ${20 + i}`),
    ];
    expect(lines).toHaveLength(50);
    const template = '{Hi|Hello|Hey} [name], {our|the} spring sale starts today 🌷';
    const recipients = { source: 'list', text: lines.join('\n') };

    const preview = await call<CampaignPreview>(app, '/api/v1/campaigns/preview', 'POST', {
      session: 'shop',
      template,
      recipients,
      limit: 50,
    });
    expect(preview.body.counts).toEqual({ total: 50, valid: 48, invalid: 1, duplicates: 0, optedOut: 1 });
    expect(preview.body.invalid).toEqual([{ input: 'call me maybe', error: expect.any(String) }]);
    const previewFor = (phone: string) => preview.body.messages.find((m) => m.to === `+${phone}`)?.text;
    expect(previewFor(dana.phone)).toMatch(/^(Hi|Hello|Hey) Dana, (our|the) spring sale starts today 🌷$/);

    const created = await call<Campaign>(app, '/api/v1/campaigns', 'POST', {
      session: 'shop',
      name: 'Spring sale',
      template,
      recipients,
      delayMinMs: 20,
      delayMaxMs: 50,
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(created.body.counts).toMatchObject({ total: 50, invalid: 1, notOnWhatsApp: 1, optedOut: 1 });

    // Stop the app in the middle of the campaign.
    await campaignReaches(app.core, id, (c) => c.counts.sent >= 15);
    await app.core.stop();

    // Simulate a crash around the stop: one recipient was sent to but not yet marked sent, and
    // one was claimed but not yet sent. Both are in `sending` when the app starts again.
    const sqlite = new Database(path.join(app.dataDir, 'chatdock.db'));
    const rows = sqlite
      .prepare(
        `SELECT id, status, message_id AS messageId FROM campaign_recipients WHERE campaign_id = ? ORDER BY position`,
      )
      .all(id) as { id: number; status: string; messageId: string | null }[];
    const sentBefore = rows.filter((r) => r.status === 'sent');
    expect(sentBefore.length).toBeLessThan(47);
    const lastSent = sentBefore.at(-1)!;
    const nextPending = rows.find((r) => r.status === 'pending')!;
    sqlite
      .prepare(`UPDATE campaign_recipients SET status = 'sending', sent_at = NULL WHERE id IN (?, ?)`)
      .run(lastSent.id, nextPending.id);
    sqlite.close();

    const restarted = await startTestCore({
      CHATDOCK_WA_SERVER_URL: emulator.wsUrl,
      CHATDOCK_WA_SERVER_ROOT_KEY: emulator.rootKeyHex,
      CHATDOCK_DATA_DIR: app.dataDir,
    });
    try {
      const finished = await campaignReaches(restarted.core, id, (c) => c.status === 'completed');
      expect(finished.counts).toEqual({
        total: 50,
        pending: 0,
        sending: 0,
        sent: 47,
        failed: 0,
        invalid: 1,
        notOnWhatsApp: 1,
        optedOut: 1,
        skipped: 0,
      });

      // The real customers got exactly the text the dry run showed them.
      for (const customer of [dana, avi, noa]) {
        const got = await customer.waitForMessage((m) => /spring sale/.test(messageText(m) ?? ''));
        expect(messageText(got)).toBe(previewFor(customer.phone));
      }
      const marker = await call<Message>(restarted, '/api/v1/sessions/shop/messages', 'POST', {
        to: omer.phone,
        type: 'text',
        text: 'marker for Omer',
      });
      await omer.waitForMessage((m) => m.key.id === marker.body.id);
      // On the WhatsApp server (read after the marker, which the server handled after every campaign
      // message): each of the 47 got exactly one message; Omer and the number without WhatsApp none.
      const expected = [dana, avi, noa].map((c) => c.jid).concat(ghosts.map((p) => `${p}@s.whatsapp.net`));
      const sentTo = messagesSentTo();
      for (const jid of expected) expect(sentTo.get(jid) ?? [], jid).toHaveLength(1);
      expect(sentTo.get(omer.jid)).toEqual([marker.body.id]);
      expect(sentTo.get('972509999999@s.whatsapp.net')).toBeUndefined();

      expect(omer.received.filter((m) => /spring sale/.test(messageText(m) ?? ''))).toHaveLength(0);
      for (const customer of [dana, avi, noa]) {
        expect(customer.received.filter((m) => /spring sale/.test(messageText(m) ?? ''))).toHaveLength(1);
      }

      const report = await call<{ items: CampaignRecipient[] }>(
        restarted,
        `/api/v1/campaigns/${id}/recipients?limit=100`,
      );
      const byInput = new Map(report.body.items.map((r) => [r.input, r]));
      expect(byInput.get('call me maybe')).toMatchObject({ status: 'invalid', jid: null });
      expect(byInput.get('+972 50 999 9999')).toMatchObject({ status: 'not_on_whatsapp' });
      expect(byInput.get(`+${omer.phone}`)).toMatchObject({ status: 'opted_out' });
      expect(byInput.get(`+${dana.phone}`)).toMatchObject({ status: 'sent', messageId: expect.any(String) });
      expect(report.body.items.find((r) => r.id === lastSent.id)?.messageId).toBe(lastSent.messageId);
    } finally {
      await restarted.core.stop();
    }
  }, 90_000); // 50 real sends and a restart: slow on a loaded machine (it took 21 s alone at load 24)
});
