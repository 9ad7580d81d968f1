/**
 * The seam that keeps Baileys out of the start (lazy-layer.ts, lazy-port.ts) and the helpers
 * the core uses without it (message-ids.ts, saved-login.ts): loads the real layer.
 */
import { generateMessageIDV2, initAuthCreds, BufferJSON } from '@whiskeysockets/baileys';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connection.js';
import { WaLayerLoader, type WaLayer } from './lazy-layer.js';
import { lazyPort } from './lazy-port.js';
import { newMessageId } from './message-ids.js';
import { hasSavedLogin } from './saved-login.js';

const turns = async (count: number) => {
  for (let i = 0; i < count; i += 1) await new Promise((resolve) => setImmediate(resolve));
};

class Port {
  constructor(readonly layer: WaLayer) {}
  ready(): string {
    return 'real';
  }
  async work(value: number): Promise<number> {
    return value * 2;
  }
}

describe('the WhatsApp layer loader', () => {
  it('loads nothing until asked, then the layer with its runner and ports, once', async () => {
    const loader = new WaLayerLoader();
    expect(loader.current).toBeNull();
    const prepared: WaLayer[] = [];
    loader.beforeUse((layer) => prepared.push(layer));
    const [first, second] = await Promise.all([loader.load(), loader.load()]);
    expect(first).toBe(second);
    expect(loader.current).toBe(first);
    expect(typeof first.SessionRunner).toBe('function');
    expect(typeof first.WaActions).toBe('function');
    // Prepared before anyone used it, once.
    expect(prepared).toEqual([first]);
  });

  it('held: waits for release() (the API listening) before loading', async () => {
    const loader = new WaLayerLoader({ held: true });
    let loaded = false;
    void loader.load().then(() => (loaded = true));
    await turns(5);
    expect(loaded).toBe(false);
    expect(loader.current).toBeNull();
    loader.release();
    await loader.load();
    expect(loaded).toBe(true);
  });
});

describe('a lazy WhatsApp port', () => {
  it('answers synchronous questions idly and loads for the first asynchronous call', async () => {
    const loader = new WaLayerLoader({ held: true });
    let built = 0;
    const port = lazyPort(
      loader,
      (layer) => {
        built += 1;
        return new Port(layer);
      },
      { ready: () => 'idle' },
    );
    expect(port.ready()).toBe('idle');
    const answer = port.work(21);
    await turns(3);
    expect(built).toBe(0); // still held
    loader.release();
    expect(await answer).toBe(42);
    expect(built).toBe(1);
    // Loaded: everything goes to the real object, built once.
    expect(port.ready()).toBe('real');
    expect(await port.work(2)).toBe(4);
    expect(port.layer).toBe(loader.current);
    expect(built).toBe(1);
  });

  it('is not a thenable (awaiting it calls no method)', async () => {
    const port = lazyPort(new WaLayerLoader(), (layer) => new Port(layer), { ready: () => 'idle' });
    expect((port as unknown as { then?: unknown }).then).toBeUndefined();
    expect(await Promise.resolve(port)).toBe(port);
  });

  it('needs an idle answer for every synchronous method (checked by the compiler)', () => {
    // @ts-expect-error `ready` answers synchronously: it needs an idle answer.
    const port = lazyPort(new WaLayerLoader(), (layer) => new Port(layer), {});
    expect(port).toBeDefined();
  });
});

describe('message ids without the layer', () => {
  it("are WhatsApp Web's format, like Baileys' generateMessageIDV2, and fresh each time", () => {
    const format = /^3EB0[0-9A-F]{18}$/;
    expect(generateMessageIDV2()).toMatch(format);
    const ids = [newMessageId(), newMessageId('4915111111111:7@s.whatsapp.net'), newMessageId(null)];
    for (const id of ids) expect(id).toMatch(format);
    expect(new Set(ids).size).toBe(3);
  });
});

describe('a saved login, read without the layer', () => {
  it('is there once the credentials carry the linked account', () => {
    const db = openDatabase(':memory:');
    db.$client.prepare("INSERT INTO sessions (id, name) VALUES ('shop', 'Shop')").run();
    expect(hasSavedLogin(db, 'shop')).toBe(false);
    const write = db.$client.prepare(
      "INSERT OR REPLACE INTO wa_auth_creds (session_id, creds, updated_at) VALUES ('shop', ?, '2026-01-01')",
    );
    // Fresh credentials (a QR shown, nothing linked): no account yet.
    const creds = initAuthCreds();
    write.run(JSON.stringify(creds, BufferJSON.replacer));
    expect(hasSavedLogin(db, 'shop')).toBe(false);
    const account = { details: Buffer.from('d'), accountSignatureKey: Buffer.from('k') };
    write.run(JSON.stringify({ ...creds, account }, BufferJSON.replacer));
    expect(hasSavedLogin(db, 'shop')).toBe(true);
    write.run('{not json');
    expect(hasSavedLogin(db, 'shop')).toBe(false);
  });
});
