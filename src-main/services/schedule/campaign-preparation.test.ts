/**
 * Preparing a large campaign yields the event loop between stretches of work (issue #23,
 * target 5), its recipients stored in small transactions under a hidden `preparing` campaign,
 * and stays all-or-nothing for everyone who looks: nothing is visible until the last transaction
 * makes it a draft, a restart in the middle drops the half-made rows, and the client's retry
 * with the same idempotency key creates it once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CreateCampaignInput } from '../../../src-shared/contract/schedule.js';
import { startTestCore, type TestCore } from '../../../testkit/support/test-core.js';

const RECIPIENTS = 10_000;

function input(): CreateCampaignInput {
  const lines = [...Array(RECIPIENTS).keys()].map(
    (i) => `+97252${String(i).padStart(7, '0')}, Customer ${i}`,
  );
  return {
    session: 'shop',
    name: 'Big list',
    template: 'Hi [name]',
    recipients: { source: 'list', text: lines.join('\n') },
    delayMinMs: 2000,
    delayMaxMs: 5000,
    start: false,
  };
}

const stored = (app: TestCore) =>
  app.core.db.$client.prepare('SELECT count(*) AS n FROM campaign_recipients').get() as { n: number };
const preparing = (app: TestCore) =>
  app.core.db.$client.prepare("SELECT id FROM campaigns WHERE status = 'preparing'").all() as {
    id: string;
  }[];

/** Waits (yielding the loop) until the preparation has stored some recipients, not all. */
async function untilPartlyStored(app: TestCore): Promise<void> {
  for (;;) {
    const { n } = stored(app);
    if (n > 0 && n < RECIPIENTS) return;
    if (n === RECIPIENTS) throw new Error('the preparation ended before it was seen half way');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** A core with the number "shop" (not linked: preparing needs no WhatsApp). */
async function shopCore(): Promise<TestCore> {
  const app = await startTestCore();
  const created = await app.request('/api/v1/sessions', {
    method: 'POST',
    json: { id: 'shop', name: 'Shop' },
  });
  expect(created.ok).toBe(true);
  return app;
}

let apps: TestCore[] = [];
afterEach(async () => {
  for (const app of apps.reverse()) await app.stop().catch(() => undefined);
  apps = [];
});

describe('preparing a campaign of 10,000 recipients', () => {
  it('lets the loop run other work meanwhile and shows nothing until it is complete', async () => {
    const app = await shopCore();
    apps.push(app);
    const { campaigns } = app.core.services.scheduling;
    let settled = false;
    const creating = campaigns.create(input(), 'big-list-1').finally(() => (settled = true));
    // A callback queued now runs at the preparation's first pause, long before its end.
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    expect(campaigns.list({})).toEqual([]);
    // Half way through storing the recipients, the campaign is still invisible to every reader.
    await untilPartlyStored(app);
    expect(settled).toBe(false);
    const [half] = preparing(app);
    expect(half).toBeDefined();
    expect(campaigns.list({})).toEqual([]);
    expect(() => campaigns.get(half!.id)).toThrow(/no campaign/);
    const listed = await app.request('/api/v1/campaigns');
    expect(((await listed.json()) as { items: unknown[] }).items).toEqual([]);
    const campaign = await creating;
    expect(campaign.id).toBe(half!.id);
    expect(campaign.status).toBe('draft');
    expect(campaign.counts.total).toBe(RECIPIENTS);
    expect(stored(app).n).toBe(RECIPIENTS);
    expect(preparing(app)).toEqual([]);
    expect(campaigns.list({}).map((c) => c.id)).toEqual([campaign.id]);
  }, 120_000);

  it('two requests with the same key at once make one campaign, and leave nothing half made', async () => {
    const app = await shopCore();
    apps.push(app);
    const { campaigns } = app.core.services.scheduling;
    const [one, two] = await Promise.all([
      campaigns.create(input(), 'big-list-3'),
      campaigns.create(input(), 'big-list-3'),
    ]);
    expect(two.id).toBe(one.id);
    expect(campaigns.list({}).map((c) => c.id)).toEqual([one.id]);
    expect(preparing(app)).toEqual([]);
    expect(stored(app).n).toBe(RECIPIENTS);
  }, 120_000);

  it('after a restart in the middle, nothing half-made is left, and the retry creates it once', async () => {
    const first = await shopCore();
    const creating = first.core.services.scheduling.campaigns.create(input(), 'big-list-2');
    const outcome = creating.then(
      () => 'created',
      () => 'failed',
    );
    // The core stops while the recipients are being stored (the process going down).
    await untilPartlyStored(first);
    await first.core.stop();
    expect(await outcome).toBe('failed');

    const restarted = await startTestCore({}, { dataDir: first.dataDir });
    apps.push(restarted);
    const { campaigns } = restarted.core.services.scheduling;
    expect(campaigns.list({})).toEqual([]);
    expect(stored(restarted).n).toBe(0);
    const campaign = await campaigns.create(input(), 'big-list-2');
    const again = await campaigns.create(input(), 'big-list-2');
    expect(again.id).toBe(campaign.id);
    expect(campaigns.list({}).map((c) => c.id)).toEqual([campaign.id]);
    expect(stored(restarted).n).toBe(RECIPIENTS);
  }, 180_000);
});
