/**
 * Case 3: the first page of the chat list (50 of ~33k chats per session, 100k in all), then
 * every filter (chat-list-filters.ts).
 */
import type { BenchContext } from '../context.js';
import { comparedRow } from '../compared-row.js';
import { samplePair } from '../measure.js';
import type { Row } from '../report.js';
import { chatListFilterRows } from './chat-list-filters.js';
import { viewCountRows } from './view-counts.js';

const FIRST_PAGE_BUDGET = { budgetMs: 5, maxRatio: 2 };

export async function chatListCase(ctx: BenchContext): Promise<Row[]> {
  const { core, raw, sessionIds } = ctx;
  const iterations = ctx.quick ? 300 : 2000;
  const chats = core.services.messaging.chats;
  const session = (i: number) => sessionIds[i % sessionIds.length] as string;
  const check = chats.list({ sessionId: session(0), limit: 50 });
  if (check.items.length !== 50 || check.items[0]?.lastMessage === null)
    throw new Error('chat list is empty');
  // Each row times the raw first page in turns with the app's query (measure.ts samplePair).
  const row = async (what: string, app: (i: number) => unknown, target: boolean): Promise<Row> => {
    const timings = await samplePair(iterations, (i) => raw.chatList.all(session(i), 50), app);
    return comparedRow({
      case: '3 chat list first page',
      what,
      app: timings.app,
      raw: timings.raw,
      ...(target ? { budget: FIRST_PAGE_BUDGET } : {}),
    });
  };
  const first = chats.list({ sessionId: session(0), limit: 50 });
  const rows = [
    await row('service, one session', (i) => chats.list({ sessionId: session(i), limit: 50 }), true),
    await row('service, all sessions', () => chats.list({ limit: 50 }), true),
    await row(
      'service, unread only',
      (i) => chats.list({ sessionId: session(i), unread: true, limit: 50 }),
      false,
    ),
    await row(
      'service, groups only',
      (i) => chats.list({ sessionId: session(i), kind: 'group', limit: 50 }),
      false,
    ),
    // The second page, through the cursor of the first.
    await row(
      'service, page 2 (cursor)',
      () => chats.list({ sessionId: session(0), limit: 50, cursor: first.next ?? undefined }),
      false,
    ),
  ];
  // Last: the filter rows set unread, archived, pinned and tag states of their own.
  rows.push(...(await chatListFilterRows(ctx)));
  // After the filter rows: counted over the assignment they set.
  rows.push(...(await viewCountRows(ctx)));
  return rows;
}
