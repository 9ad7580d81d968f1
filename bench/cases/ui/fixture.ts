/**
 * The data the UI rows run on: 100,000 chats over the bench's three numbers (issue #23 target 7's
 * inbox), the newest 40 of them with a full first page (60 messages) to open, and one chat with
 * 5,000 messages to scroll through. Written straight into a migrated database with the e2e's
 * `seedChats` (the rows look like stored history: FTS triggers, contacts, chat summaries), which
 * takes seconds where generating the 1M-message history through the app takes many minutes; the
 * UI only reads the chat list and conversation pages, whose queries case 3 and 4 time at 1M.
 */
import { mkdirSync } from 'node:fs';
import { loadConfig } from '../../../src-main/core/config.js';
import { createCore } from '../../../src-main/app/container.js';
import { seedChats, type SeededChat } from '../../../e2e/support/seed-history.js';
import { SESSIONS } from '../../generate.js';

export const UI_CHATS = 100_000;
/** Chats opened by the "open a chat" row: the newest ones, each with more than one page. */
export const OPENABLE = 40;
export const LONG_CHAT_MESSAGES = 5_000;

const WORDS = [
  'order',
  'delivery',
  'tomorrow',
  'price',
  'thanks',
  'size',
  'colour',
  'invoice',
  'shop',
  'open',
  'address',
  'parcel',
  'return',
  'discount',
  'please',
  'available',
  'morning',
  'friday',
  'cash',
  'card',
];

/** A deterministic sentence of 3 to 30 words (some long enough to wrap to several lines). */
function sentence(seed: number): string {
  const length = 3 + ((seed * 7919) % 28);
  const words: string[] = [];
  for (let i = 0; i < length; i += 1) words.push(WORDS[(seed * 31 + i * 17) % WORDS.length] ?? 'ok');
  return words.join(' ');
}

export interface UiFixture {
  dataDir: string;
  /** Names of the chats the "open a chat" row clicks, newest first (top of the list). */
  openable: string[];
  /** The name of the 5,000-message chat. */
  longChat: string;
}

/** The chat with the given number's WhatsApp id and contact name. */
function chat(index: number, newestAt: number, count: number, name: string): SeededChat {
  const session = SESSIONS[index % SESSIONS.length] ?? 'shop';
  return {
    session,
    jid: `${String(15_550_000_000 + index)}@s.whatsapp.net`,
    name,
    count,
    // Message n of chat `index`; the newest carries the chat's marker (what the bench looks for).
    text: (n) => (n === count ? `${name}: ${sentence(index + n)}` : sentence(index * 13 + n)),
    newestAt,
  };
}

/** The fixture's names (deterministic), for a data dir seeded by an earlier run and kept. */
export function uiFixtureNames(dataDir: string): UiFixture {
  const openable: string[] = [];
  for (let index = 1; index <= OPENABLE; index += 1) openable.push(customerName(index));
  return { dataDir, openable, longChat: LONG_CHAT };
}

const LONG_CHAT = 'Long Chat 00000';
const customerName = (index: number) => `Customer ${String(index).padStart(5, '0')}`;

export async function seedUiFixture(dataDir: string, apiKey: string): Promise<UiFixture> {
  mkdirSync(dataDir, { recursive: true });
  // A first start migrates the database and creates the numbers; the server is started on it later.
  const core = createCore(
    loadConfig({
      CHATDOCK_DATA_DIR: dataDir,
      CHATDOCK_PORT: '0',
      CHATDOCK_API_KEY: apiKey,
      CHATDOCK_LOG_LEVEL: 'warn',
    }),
  );
  await core.start();
  for (const id of SESSIONS) core.services.sessions.create({ id, name: id });
  await core.stop();

  const newest = Date.UTC(2025, 11, 31, 12);
  const chats: SeededChat[] = [];
  chats.push(chat(0, newest, LONG_CHAT_MESSAGES, LONG_CHAT));
  const openable: string[] = [];
  for (let index = 1; index < UI_CHATS; index += 1) {
    const name = customerName(index);
    const rich = index <= OPENABLE;
    if (rich) openable.push(name);
    // One minute apart, newest first; the openable ones are the top of the list.
    chats.push(chat(index, newest - index * 60_000, rich ? 60 : 1, name));
  }
  // In slices, so one transaction does not hold 100k chats' worth of statements.
  for (let start = 0; start < chats.length; start += 10_000) {
    seedChats(dataDir, chats.slice(start, start + 10_000));
  }
  return { dataDir, openable, longChat: LONG_CHAT };
}
