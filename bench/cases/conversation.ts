/**
 * Case 4: a conversation page of 50 messages before a timestamp, for chats picked the way
 * people open them (busy chats more often): the chat and time of a random stored message.
 */
import type { BenchContext } from '../context.js';
import { comparedRow } from '../compared-row.js';
import { samplePair, time, timeAsync } from '../measure.js';
import type { Row } from '../report.js';
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
  const history_ = core.services.messaging.history;
  const rawPage = (i: number) => raw.page.all(target(i).session, target(i).chat, target(i).before, 50);
  const service = await samplePair(iterations, rawPage, (i) =>
    history_.page(target(i).session, target(i).chat, { before: target(i).before, limit: 50 }),
  );
  // REST in turns with raw too: one raw page, one request, …
  const restSamples = { app: [] as number[], raw: [] as number[] };
  const restIterations = Math.min(iterations, 1000);
  for (let i = 0; i < restIterations + 10; i += 1) {
    const rawMs = time(() => rawPage(i));
    const appMs = await timeAsync(() =>
      restGet(
        apiUrl,
        apiKey,
        `/api/v1/sessions/${target(i).session}/chats/${encodeURIComponent(target(i).chat)}/messages?limit=50&before=${target(i).before}`,
      ),
    );
    if (i < 10) continue; // warm-up
    restSamples.raw.push(rawMs);
    restSamples.app.push(appMs);
  }
  const name = '4 conversation page (50 before t)';
  return [
    comparedRow({
      case: name,
      what: 'service',
      app: service.app,
      raw: service.raw,
      budget: { budgetMs: 2, maxRatio: 2 },
    }),
    comparedRow({
      case: name,
      what: 'REST, one client',
      app: restSamples.app,
      raw: restSamples.raw,
      budget: { budgetMs: 5, maxRatio: 10 },
    }),
  ];
}
