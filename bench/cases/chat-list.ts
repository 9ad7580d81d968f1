/**
 * Case 3: the first page of the chat list (50 of ~33k chats per session, 100k in all), then
 * every filter (chat-list-filters.ts).
 */
import type { BenchContext } from '../context.js';
import { sample, stats } from '../measure.js';
import { ms, timeRatio, type Row } from '../report.js';
import { chatListFilterRows } from './chat-list-filters.js';
import { viewCountRows } from './view-counts.js';

export async function chatListCase(ctx: BenchContext): Promise<Row[]> {
  const { core, raw, sessionIds } = ctx;
  const iterations = ctx.quick ? 300 : 2000;
  const chats = core.services.messaging.chats;
  const session = (i: number) => sessionIds[i % sessionIds.length] as string;
  const rawSamples = await sample(iterations, (i) => raw.chatList.all(session(i), 50));
  const base = stats(rawSamples);
  const check = chats.list({ sessionId: session(0), limit: 50 });
  if (check.items.length !== 50 || check.items[0]?.lastMessage === null)
    throw new Error('chat list is empty');
  const row = (what: string, samples: number[], target: boolean): Row => {
    const app = stats(samples);
    return {
      case: '3 chat list first page',
      what,
      median: ms(app.median),
      p95: ms(app.p95),
      raw: `${ms(base.median)} / ${ms(base.p95)}`,
      ratio: timeRatio(app.p95, base.p95) + ' p95',
      target: target ? 'p95 ≤ 5 ms' : '–',
      met: target ? app.p95 <= 5 : null,
    };
  };
  const rows = [
    row(
      'service, one session',
      await sample(iterations, (i) => chats.list({ sessionId: session(i), limit: 50 })),
      true,
    ),
    row('service, all sessions', await sample(iterations, () => chats.list({ limit: 50 })), true),
    row(
      'service, unread only',
      await sample(iterations, (i) => chats.list({ sessionId: session(i), unread: true, limit: 50 })),
      false,
    ),
    row(
      'service, groups only',
      await sample(iterations, (i) => chats.list({ sessionId: session(i), kind: 'group', limit: 50 })),
      false,
    ),
  ];
  // The second page, through the cursor of the first.
  const first = chats.list({ sessionId: session(0), limit: 50 });
  rows.push(
    row(
      'service, page 2 (cursor)',
      await sample(iterations, () =>
        chats.list({ sessionId: session(0), limit: 50, cursor: first.next ?? undefined }),
      ),
      false,
    ),
  );
  // Last: the filter rows set unread, archived, pinned and tag states of their own.
  rows.push(...(await chatListFilterRows(ctx)));
  // After the filter rows: counted over the assignment they set.
  rows.push(...(await viewCountRows(ctx)));
  return rows;
}
