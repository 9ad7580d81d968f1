/**
 * Case 4: a conversation page of 50 messages before a timestamp, for chats picked the way
 * people open them (busy chats more often): the chat and time of a random stored message.
 */
import type { BenchContext } from '../context.js';
import { sample, sampleAsync, stats } from '../measure.js';
import { ms, timeRatio, type Row } from '../report.js';
import { forIndex } from '../prng.js';
import { restGet } from './rest.js';

export async function conversationCase(ctx: BenchContext, apiUrl: string, apiKey: string): Promise<Row[]> {
  const { core, raw, history } = ctx;
  const iterations = ctx.quick ? 300 : 2000;
  const rng = forIndex(4, 4);
  const targets = Array.from({ length: 500 }, () => {
    const { session, record } = history.message(Math.floor(rng() * history.spec.messages));
    return { session: ctx.sessionIds[session] as string, chat: record.chatJid, before: record.timestamp };
  });
  const target = (i: number) => targets[i % targets.length] as (typeof targets)[number];
  const base = stats(
    await sample(iterations, (i) => raw.page.all(target(i).session, target(i).chat, target(i).before, 50)),
  );
  const history_ = core.services.messaging.history;
  const service = stats(
    await sample(iterations, (i) =>
      history_.page(target(i).session, target(i).chat, { before: target(i).before, limit: 50 }),
    ),
  );
  const rest = stats(
    await sampleAsync(Math.min(iterations, 1000), (i) =>
      restGet(
        apiUrl,
        apiKey,
        `/api/v1/sessions/${target(i).session}/chats/${encodeURIComponent(target(i).chat)}/messages?limit=50&before=${target(i).before}`,
      ),
    ),
  );
  const rawText = `${ms(base.median)} / ${ms(base.p95)}`;
  return [
    {
      case: '4 conversation page (50 before t)',
      what: 'service',
      median: ms(service.median),
      p95: ms(service.p95),
      raw: rawText,
      ratio: timeRatio(service.p95, base.p95) + ' p95',
      target: 'p95 ≤ 2 ms',
      met: service.p95 <= 2,
    },
    {
      case: '4 conversation page (50 before t)',
      what: 'REST, one client',
      median: ms(rest.median),
      p95: ms(rest.p95),
      raw: rawText,
      ratio: timeRatio(rest.p95, base.p95) + ' p95',
      target: 'p95 ≤ 5 ms',
      met: rest.p95 <= 5,
    },
  ];
}
