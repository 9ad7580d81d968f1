import type { OpInput, OpName, OpOutput } from '../../src-shared/contract.js';
import type { Emulator } from '../../testkit/wa-emulator/index.js';
import type { RunningApp } from './app-server.js';

/** Calls one contract operation over the app's HTTP bridge (POST /rpc/<op>) with the admin key. */
export async function rpc<K extends OpName>(app: RunningApp, op: K, input: OpInput<K>): Promise<OpOutput<K>> {
  const response = await fetch(`${app.url}/rpc/${op}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${app.apiKey}` },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { result?: OpOutput<K>; error?: { message: string } };
  if (!response.ok) throw new Error(`${op}: ${body.error?.message ?? response.status}`);
  return body.result as OpOutput<K>;
}

async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Creates a session and links it to `phone` on the local WhatsApp server (the QR scanned by the "phone"). */
export async function linkSession(
  app: RunningApp,
  emulator: Emulator,
  session: { id: string; name: string; phone: string },
): Promise<string> {
  await rpc(app, 'sessions.create', { id: session.id, name: session.name });
  await rpc(app, 'sessions.connect', { id: session.id });
  const { qr } = await until('a QR code', () => rpc(app, 'sessions.qr', { id: session.id }));
  await emulator.scanQr(qr, session.phone, session.name);
  await waitUntilConnected(app, session.id);
  return `${session.phone}@s.whatsapp.net`;
}

export async function waitUntilConnected(app: RunningApp, id: string): Promise<void> {
  await until(`session ${id} to connect`, async () => {
    const sessions = await rpc(app, 'sessions.list', {});
    return sessions.find((s) => s.id === id && s.status === 'connected') ?? null;
  });
}

/** A REST call with the admin key: the answer's status and JSON body. */
export async function restCall(app: RunningApp, method: string, path: string, json?: unknown) {
  const response = await fetch(`${app.url}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${app.apiKey}` },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
