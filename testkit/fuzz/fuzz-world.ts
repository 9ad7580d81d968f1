import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { linkedWorld, type LinkedWorld } from '../support/linked-session.js';
import { TEST_ADMIN_KEY } from '../support/test-core.js';
import type { FuzzFixture } from './fuzz-cases.js';
import { sendRaw, type RawAnswer, type RawRequest } from './http-send.js';

/**
 * The fuzzer's target: a real core with session `shop` linked on the local WhatsApp server, a
 * customer chat with one received message, a tag, a revoked named key, and the unlinked session
 * `scratch` for destructive operations.
 */
export async function startFuzzWorld(): Promise<{ world: LinkedWorld; fixture: FuzzFixture }> {
  const world = await linkedWorld();
  const call = async (path: string, init: { method?: string; json?: unknown } = {}) => {
    const response = await world.app.request(path, init);
    if (!response.ok) throw new Error(`fixture: ${init.method ?? 'GET'} ${path} answered ${response.status}`);
    return response.status === 204 ? null : ((await response.json()) as Record<string, unknown>);
  };
  const sent = await world.customer.sendText(world.shopJid, 'hello from the fuzzer');
  await world.waitForEvent((event) => event.type === 'message.received' && event.data.id === sent.key.id);
  const tag = await call('/api/v1/tags', { method: 'POST', json: { name: 'fuzz', color: '#1a7f5a' } });
  const named = await call('/api/v1/keys', { method: 'POST', json: { name: 'revoked', scopes: ['admin'] } });
  const namedKey = named as { apiKey: { id: string }; key: string };
  await call(`/api/v1/keys/${namedKey.apiKey.id}`, { method: 'DELETE' });
  const fixture: FuzzFixture = {
    adminKey: TEST_ADMIN_KEY,
    revokedKey: namedKey.key,
    session: 'shop',
    scratchSession: 'scratch',
    chatJid: world.customer.jid,
    messageId: sent.key.id ?? '',
    tagId: String(tag?.id),
  };
  const scratch = await ensureScratchSession(world, fixture);
  if (scratch) throw new Error(`fixture: ${scratch}`);
  return { world, fixture };
}

/**
 * Makes the scratch session again after a destructive operation removed it. Answers what went
 * wrong (a valid key refused, …), or null.
 */
export async function ensureScratchSession(world: LinkedWorld, fixture: FuzzFixture): Promise<string | null> {
  const admin = { authorization: `Bearer ${fixture.adminKey}` };
  const path = `/api/v1/sessions/${fixture.scratchSession}`;
  const found = await sendAsClient(world.app.url, { method: 'GET', path, headers: admin });
  if (found.status === 200) return null;
  if (found.status !== 404) return `GET the scratch session with the admin key answered ${found.status}`;
  const created = await sendAsClient(world.app.url, {
    method: 'POST',
    path: '/api/v1/sessions',
    headers: { ...admin, 'content-type': 'application/json' },
    body: JSON.stringify({ id: fixture.scratchSession }),
  });
  return created.status === 201 ? null : `making the scratch session again answered ${created.status}`;
}

/** The longest `Retry-After` a well-behaved client waits out before calling the 429 a problem. */
const LONGEST_WAIT_SECONDS = 60;
const ATTEMPTS = 4;

/**
 * One request as a well-behaved client sends it: a 429 (a long run spends the admin key's
 * per-minute budget, which is the limiter working) is waited out as its `Retry-After` says, then
 * sent again, a few times; a 429 without one, or asking longer than a minute, is answered as it is.
 */
async function sendAsClient(origin: string, raw: RawRequest): Promise<RawAnswer> {
  let answer = await sendRaw(origin, raw);
  for (let attempt = 1; attempt < ATTEMPTS && answer.status === 429; attempt += 1) {
    const wait = Number(answer.retryAfter);
    if (!(wait > 0) || wait > LONGEST_WAIT_SECONDS) break;
    await new Promise((resolve) => setTimeout(resolve, wait * 1000));
    answer = await sendRaw(origin, raw);
  }
  return answer;
}

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Bytes the process holds in JS objects and buffers after a full garbage collection. */
export function liveMemory(): number {
  collectGarbage();
  collectGarbage();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

/** What must hold after the run: the app answers, the session is still online, the database is sound. */
export async function healthProblems(world: LinkedWorld): Promise<string[]> {
  const problems: string[] = [];
  const health = await sendRaw(world.app.url, { method: 'GET', path: '/api/v1/health', headers: {} });
  if (health.status !== 200) problems.push(`health answered ${health.status}`);
  const answer = await sendAsClient(world.app.url, {
    method: 'GET',
    path: '/api/v1/sessions/shop',
    headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` },
  });
  const session = JSON.parse(answer.body || '{}') as { status?: string };
  if (session.status !== 'connected') {
    problems.push(
      `GET session shop with the admin key after the run: ${answer.status}, status ${session.status}`,
    );
  }
  const integrity = world.app.core.db.$client.pragma('integrity_check') as { integrity_check: string }[];
  if (integrity[0]?.integrity_check !== 'ok') problems.push(`integrity_check: ${JSON.stringify(integrity)}`);
  return problems;
}
