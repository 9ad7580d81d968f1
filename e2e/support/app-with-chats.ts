import { rmSync } from 'node:fs';
import { startApp, type RunningApp } from './app-server.js';
import { rpc } from './rpc.js';
import { seedChats, type SeededChat } from './seed-history.js';

/** The number the chats belong to (`sessions.create`); not linked to WhatsApp. */
export interface StoredNumber {
  id: string;
  name: string;
}

/** The number most inbox specs use. */
export const BAKERY_FRONT_DESK: StoredNumber = { id: 'shop', name: 'Bakery front desk' };

export interface AppWithChatsOptions {
  /** The number the chats are stored under; `BAKERY_FRONT_DESK` unless said. */
  number?: StoredNumber;
  /** Chats with their history, as `seedChats` writes them (the number's id is filled in). */
  chats: Omit<SeededChat, 'session'>[];
  /** Passed to both starts (e.g. the local WhatsApp server's `wa.env`). */
  env?: Record<string, string>;
}

/**
 * A running app whose number already holds stored chat history, as after months of use, without
 * a WhatsApp round trip per message: a first start migrates the database and creates the number,
 * the stopped app's database gets the chats written straight in (`seedChats`), and the app starts
 * again on the same data. What the specs of the inbox (list, order, emoji, select, export, every
 * page) start from.
 *
 * The returned app's `stop()` also removes the data dir (this helper made it), unless `keepData`
 * is set; whatever fails half-way, what was started is stopped and the data dir removed.
 */
export async function startAppWithChats(options: AppWithChatsOptions): Promise<RunningApp> {
  const number = options.number ?? BAKERY_FRONT_DESK;
  const env = options.env ? { env: options.env } : {};
  const first = await startApp(env);
  const { dataDir } = first;
  try {
    await rpc(first, 'sessions.create', { id: number.id, name: number.name });
    await first.stop({ keepData: true });
    seedChats(
      dataDir,
      options.chats.map((chat) => ({ ...chat, session: number.id })),
    );
  } catch (error) {
    await first.stop();
    throw error;
  }
  let app: RunningApp;
  try {
    app = await startApp({ ...env, dataDir });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    ...app,
    async stop(stopOptions = {}) {
      await app.stop(stopOptions);
      if (!stopOptions.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
