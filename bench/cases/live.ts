/**
 * Case 2: live messages, one `ingest(…, 'live')` call each: insert, chat summary, the
 * `message.received` + `chat.updated` events, their webhook outbox rows (a webhook exists)
 * and the bus dispatch to a listener after commit. Raw: the message row and one event row in
 * one transaction.
 */
import path from 'node:path';
import type { MessageRecord } from '../../src-main/wa/message-mapping.js';
import { RawIngest } from '../baseline.js';
import type { BenchContext } from '../context.js';
import { comparedRow } from '../compared-row.js';
import { samplePair } from '../measure.js';
import { ms, type Row } from '../report.js';
import { forIndex } from '../prng.js';

export async function liveCase(ctx: BenchContext): Promise<Row[]> {
  const { core, history } = ctx;
  const iterations = ctx.quick ? 500 : 3000;
  let heard = 0;
  const unsubscribe = core.bus.subscribe(() => {
    heard += 1;
  });
  const total = history.spec.messages;
  const live = (i: number, salt: string): { session: string; record: MessageRecord } => {
    const rng = forIndex(99, i);
    const source = history.message(Math.floor(rng() * total));
    return {
      session: ctx.sessionIds[source.session] as string,
      record: {
        ...source.record,
        id: `LIVE${salt}${i.toString(16).toUpperCase().padStart(12, '0')}`,
        fromMe: false,
        status: 'delivered',
        timestamp: Date.now(),
      },
    };
  };
  const inputs = Array.from({ length: iterations + 20 }, (_, i) => live(i, 'A'));
  const raw = new RawIngest(path.join(ctx.workDir, 'raw-live.db'));
  const rawInputs = Array.from({ length: iterations + 20 }, (_, i) => live(i, 'B'));
  // In turns: a raw message, an app message, … (a busy spell lands on both series alike).
  const timings = await samplePair(
    iterations,
    (i) => {
      const input = rawInputs[i] as { session: string; record: MessageRecord };
      raw.live(input.session, input.record, `evt_${i}`);
    },
    (i) => {
      const input = inputs[i] as { session: string; record: MessageRecord };
      core.services.messaging.store.ingest(input.session, [input.record], 'live');
    },
  );
  unsubscribe();
  raw.close();
  return [
    comparedRow({
      case: '2 live ingest (single message)',
      what: 'ingest + events + outbox',
      app: timings.app,
      raw: timings.raw,
      quantile: 'p99',
      budget: { budgetMs: 5, maxRatio: 4 },
      note: `${iterations} messages to random existing chats, ${heard} events heard by a bus listener; max ${ms(Math.max(...timings.app))} (raw max ${ms(Math.max(...timings.raw))})`,
    }),
  ];
}
