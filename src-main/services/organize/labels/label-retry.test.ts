/**
 * The bounded, durable retries of label changes WhatsApp refuses (label-pusher.ts), on the real
 * database of a real core: a rename/recolour goes through the same schedule as a label on a chat
 * (given up once, the owner told once, not sent again until the tag changes); the attempts and the
 * next try are on disk, so a restart continues the schedule; a refusal WhatsApp means for good is
 * given up at once; rows from before migration 0055 (no attempts) are sent as before.
 *
 * WhatsApp's side is a `LabelPort` that refuses on demand: this is the pusher's own logic, unit
 * tested. The same path with real Baileys against the local WhatsApp server: label-sync.test.ts
 * (a label on a chat) and e2e/specs/tag-labels-refused.spec.ts (a rename, in the tag editor).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AnyEventEnvelope, TagLabelSyncedEvent } from '../../../../src-shared/contract/events.js';
import type { Tag } from '../../../../src-shared/contract/organize.js';
import { AppError } from '../../../../src-shared/errors.js';
import { startTestCore, type TestCore } from '../../../../testkit/support/test-core.js';
import type { LabelWrite } from '../../../wa/label-actions.js';
import { indexOfColor } from './label-colors.js';
import { LabelSync, type LabelPort } from './label-sync.js';

const SHOP = 'shop';

/** WhatsApp as the pusher sees it: refuses every upload with `refusal` while it is set. */
class RefusingPort implements LabelPort {
  refusal: Error | null = null;
  readonly edits: LabelWrite[] = [];
  readonly chats: { chatJid: string; labelId: string; labeled: boolean }[] = [];
  isConnected(): boolean {
    return true;
  }
  isBusiness(): Promise<boolean> {
    return Promise.resolve(true);
  }
  markBusiness(): void {}
  editLabel(_sessionId: string, label: LabelWrite): Promise<void> {
    this.edits.push(label);
    return this.refusal ? Promise.reject(this.refusal) : Promise.resolve();
  }
  labelChat(_sessionId: string, chatJid: string, labelId: string, labeled: boolean): Promise<void> {
    this.chats.push({ chatJid, labelId, labeled });
    return this.refusal ? Promise.reject(this.refusal) : Promise.resolve();
  }
}

const serverError = () =>
  new AppError('WA_UNAVAILABLE', 'WhatsApp refused the request (500 internal-server-error)');

let app: TestCore;
const events: AnyEventEnvelope[] = [];
let unsubscribe: () => void = () => undefined;
let labelCount = 0;

function listen(core: TestCore): void {
  unsubscribe();
  unsubscribe = core.core.bus.subscribe((event) => {
    events.push(event);
  });
}

beforeAll(async () => {
  app = await startTestCore();
  app.core.db.$client.prepare("INSERT INTO sessions (id, name) VALUES ('shop', 'Shop')").run();
  listen(app);
});

afterAll(async () => {
  unsubscribe();
  await app?.stop();
});

afterEach(() => {
  vi.useRealTimers();
});

/** A label sync of the running core's data that talks to `port` (a fresh one: nothing in memory). */
function labelSyncOf(port: LabelPort, delays: readonly number[]): LabelSync {
  const { db, services, logger } = app.core;
  const sync = new LabelSync({
    db,
    events: services.events,
    tags: services.organize.tags,
    taggings: services.organize.taggings,
    wa: port,
    ensureChat: () => undefined,
    assertSession: () => undefined,
    logger,
  });
  sync.useRetryDelays(delays);
  return sync;
}

/** A tag linked to a new label of the shop, WhatsApp having it as it is. */
function syncedTag(sync: LabelSync, name: string): { tag: Tag; labelId: string } {
  const tag = app.core.services.organize.tags.create({ name, color: '#55ccb3' });
  labelCount += 1;
  const labelId = String(labelCount);
  sync.links.link({
    tagId: tag.id,
    sessionId: SHOP,
    labelId,
    syncedName: name,
    syncedColor: indexOfColor(tag.color),
  });
  return { tag, labelId };
}

const failedOf = (tagId: string) =>
  events.filter(
    (e): e is AnyEventEnvelope & { data: TagLabelSyncedEvent } =>
      e.type === 'tag.label_synced' && e.data.change === 'failed' && e.data.tag.id === tagId,
  );

function waitForFailed(tagId: string): Promise<TagLabelSyncedEvent> {
  return new Promise((resolve) => {
    const off = app.core.bus.subscribe((event) => {
      if (
        event.type === 'tag.label_synced' &&
        event.data.change === 'failed' &&
        event.data.tag.id === tagId
      ) {
        off();
        resolve(event.data);
      }
    });
  });
}

const outboxRow = (id: number) =>
  app.core.db.$client
    .prepare<[number], { attempts: number; retryAt: number | null }>(
      'SELECT attempts, retry_at AS retryAt FROM label_outbox WHERE id = ?',
    )
    .get(id);

describe('label changes WhatsApp refuses', () => {
  it('a rename refused on every try is given up once, the owner told once, and not sent again', async () => {
    const port = new RefusingPort();
    const sync = labelSyncOf(port, [0, 0]);
    const { tag, labelId } = syncedTag(sync, 'Paid');
    port.refusal = serverError();
    app.core.services.organize.tags.update(tag.id, { name: 'Paid in full' });
    const failed = waitForFailed(tag.id);
    await sync.labelsSynced(SHOP);
    // Three tries (two retries), then given up: recorded and announced, with what WhatsApp keeps.
    expect(await failed).toMatchObject({
      origin: 'chatdock',
      labelId,
      before: { name: 'Paid' },
      failure: { action: 'rename', attempts: 3, error: expect.stringContaining('500') },
    });
    expect(port.edits.map((edit) => edit.name)).toEqual(['Paid in full', 'Paid in full', 'Paid in full']);
    expect(sync.get(tag.id).history[0]).toMatchObject({
      change: 'failed',
      before: { name: 'Paid' },
      after: { action: 'rename', name: 'Paid in full', attempts: 3 },
    });

    // Later syncs (a reconnect, another change of the number) send it no more: no flapping, one note.
    await sync.labelsSynced(SHOP);
    await sync.labelsSynced(SHOP);
    expect(port.edits).toHaveLength(3);
    expect(failedOf(tag.id)).toHaveLength(1);
    // The tag keeps its name here; WhatsApp's stays what it was.
    expect(app.core.services.organize.tags.ref(tag.id).name).toBe('Paid in full');
    expect(sync.links.of(tag.id, SHOP)?.syncedName).toBe('Paid');

    // Renamed again: a new change, with fresh tries — it reaches WhatsApp once accepted.
    port.refusal = null;
    app.core.services.organize.tags.update(tag.id, { name: 'Paid (all)' });
    await sync.labelsSynced(SHOP);
    expect(port.edits.at(-1)).toMatchObject({ id: labelId, name: 'Paid (all)' });
    expect(sync.links.of(tag.id, SHOP)?.syncedName).toBe('Paid (all)');
    expect(sync.links.editSchedule(tag.id, SHOP, 'Paid (all)', indexOfColor('#55ccb3'))).toEqual({
      attempts: 0,
      retryAt: null,
      givenUp: false,
    });
    // Nothing of the given-up rename is left on the link.
    expect(sync.links.editSchedule(tag.id, SHOP, 'Paid in full', indexOfColor('#55ccb3')).attempts).toBe(0);
  });

  it('a recolour WhatsApp refuses for good (403) is given up at once', async () => {
    const port = new RefusingPort();
    const sync = labelSyncOf(port, [0, 0, 0]);
    const { tag } = syncedTag(sync, 'Wholesale');
    port.refusal = new AppError('WA_FORBIDDEN', 'WhatsApp refused: not allowed (forbidden)');
    app.core.services.organize.tags.update(tag.id, { color: '#ff0000' });
    const failed = waitForFailed(tag.id);
    await sync.labelsSynced(SHOP);
    expect((await failed).failure).toMatchObject({ action: 'recolour', attempts: 1 });
    await sync.labelsSynced(SHOP);
    expect(port.edits).toHaveLength(1);
    expect(failedOf(tag.id)).toHaveLength(1);
  });

  it('a restart in the middle of the schedule continues it (attempts and next try on disk)', async () => {
    const start = Date.now();
    vi.useFakeTimers({ toFake: ['Date'], now: start });
    const minute = 60_000;
    const delays = [minute, minute, minute];
    let port = new RefusingPort();
    let sync = labelSyncOf(port, delays);
    const { tag, labelId } = syncedTag(sync, 'Urgent');
    port.refusal = serverError();
    const chat = '972500000001@s.whatsapp.net';
    sync.outbox.put({
      sessionId: SHOP,
      labelId,
      chatJid: chat,
      messageId: '',
      action: 'label',
      name: null,
      color: null,
    });
    const entryId = sync.outbox.of(SHOP)[0]?.id ?? 0;
    app.core.services.organize.tags.update(tag.id, { name: 'Urgent!' });
    await sync.labelsSynced(SHOP);
    // Refused once each, counted on disk with the next try a minute later.
    expect(outboxRow(entryId)).toEqual({ attempts: 1, retryAt: start + minute });
    expect(sync.links.editSchedule(tag.id, SHOP, 'Urgent!', indexOfColor('#55ccb3'))).toEqual({
      attempts: 1,
      retryAt: start + minute,
      givenUp: false,
    });

    // The app restarts (nothing of the schedule in memory) before the next try is due.
    sync.stop();
    unsubscribe();
    await app.core.stop();
    app = await startTestCore({}, { dataDir: app.dataDir });
    listen(app);
    port = new RefusingPort();
    port.refusal = serverError();
    sync = labelSyncOf(port, delays);
    await sync.labelsSynced(SHOP);
    // Not due: nothing sent at the reconnect.
    expect(port.edits).toHaveLength(0);
    expect(port.chats).toHaveLength(0);

    // Each minute, one more try of each; the fourth refusal uses up the three waits.
    const failedTag = waitForFailed(tag.id);
    for (let step = 1; step <= 3; step += 1) {
      vi.setSystemTime(start + step * minute + 1);
      await sync.labelsSynced(SHOP);
    }
    expect(port.edits).toHaveLength(3);
    expect(port.chats).toHaveLength(3);
    await failedTag;
    const failed = failedOf(tag.id);
    expect(
      failed.map((e) => e.data.failure).sort((a, b) => (a?.action ?? '').localeCompare(b?.action ?? '')),
    ).toEqual([
      expect.objectContaining({ action: 'label', attempts: 4 }),
      expect.objectContaining({ action: 'rename', attempts: 4 }),
    ]);
    expect(sync.outbox.of(SHOP)).toEqual([]);
    expect(sync.links.editSchedule(tag.id, SHOP, 'Urgent!', indexOfColor('#55ccb3'))).toMatchObject({
      attempts: 4,
      givenUp: true,
    });
    sync.stop();
  });

  it('rows from before the retry schedule (no attempts) are sent at once, as before', async () => {
    const port = new RefusingPort();
    const sync = labelSyncOf(port, [0]);
    const { tag, labelId } = syncedTag(sync, 'Old offer');
    const chat = '972500000002@s.whatsapp.net';
    // As 0051 wrote them: no attempts, no next try (the columns' defaults).
    app.core.db.$client
      .prepare(
        `INSERT INTO label_outbox (session_id, label_id, chat_jid, message_id, action, at)
         VALUES ('shop', ?, ?, '', 'label', 1)`,
      )
      .run(labelId, chat);
    app.core.db.$client
      .prepare('UPDATE tag_labels SET synced_name = ? WHERE tag_id = ?')
      .run('Old name', tag.id);
    await sync.labelsSynced(SHOP);
    expect(port.edits).toEqual([expect.objectContaining({ id: labelId, name: 'Old offer' })]);
    expect(port.chats).toEqual([{ chatJid: chat, labelId, labeled: true }]);
    expect(sync.outbox.of(SHOP)).toEqual([]);
    expect(sync.links.of(tag.id, SHOP)?.syncedName).toBe('Old offer');
  });

  it('a given-up rename does not hold back a later one, even if the tag changed without the hook (a crash)', async () => {
    const port = new RefusingPort();
    const sync = labelSyncOf(port, [0]);
    const { tag, labelId } = syncedTag(sync, 'Crate');
    sync.links.editRefused(tag.id, SHOP, { name: 'Crate 1', color: indexOfColor(tag.color) }, 2, null);
    // Renamed in the database only: `tagUpdated` never cleared the schedule of 'Crate 1'.
    app.core.db.$client.prepare('UPDATE tags SET name = ? WHERE id = ?').run('Crate 2', tag.id);
    await sync.labelsSynced(SHOP);
    expect(port.edits).toEqual([expect.objectContaining({ id: labelId, name: 'Crate 2' })]);
    expect(sync.links.of(tag.id, SHOP)?.syncedName).toBe('Crate 2');
  });
});
