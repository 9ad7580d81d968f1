import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HttpTransport } from './http';

/** A stand-in for the browser's WebSocket: the test plays the server. */
class FakeSocket {
  static all: FakeSocket[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((message: { data: string }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  readonly sent: unknown[] = [];
  closedByClient = false;

  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }

  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }

  close(): void {
    this.closedByClient = true;
  }

  accept(cursor = 'evt_00'): void {
    this.onopen?.();
    this.onmessage?.({ data: JSON.stringify({ type: 'ready', cursor }) });
  }

  deliver(id: string): void {
    this.onmessage?.({ data: JSON.stringify({ id, type: 'chat.updated', session: 's', data: {} }) });
  }

  closeByServer(code: number): void {
    this.onclose?.({ code });
  }
}

const latest = () => FakeSocket.all[FakeSocket.all.length - 1]!;

interface Sent {
  operation: string;
  key: string;
  answer(status: number, body: unknown): void;
}

/** Every request the transport makes waits until the test answers it. */
let requests: Sent[];

beforeEach(() => {
  FakeSocket.all = [];
  requests = [];
  vi.stubGlobal('WebSocket', FakeSocket);
  vi.stubGlobal('fetch', (url: string, init: { headers: Record<string, string> }) => {
    return new Promise((resolve) => {
      requests.push({
        operation: url.split('/rpc/')[1] ?? '',
        key: init.headers.Authorization?.replace('Bearer ', '') ?? '',
        answer: (status, body) =>
          resolve({ status, ok: status < 300, json: () => Promise.resolve(body) } as Response),
      });
    });
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

async function nextRequest(): Promise<Sent> {
  for (let i = 0; i < 20 && requests.length === 0; i++) await tick();
  const request = requests.shift();
  if (!request) throw new Error('no request was made');
  return request;
}

describe('HttpTransport key replacement', () => {
  it('keeps going with the rotated key: the refused stream reconnects with it and resumes', async () => {
    const unauthorized = vi.fn();
    const transport = new HttpTransport('old-key', unauthorized, 'http://chatdock.test');
    transport.subscribe(() => undefined);
    const first = latest();
    first.accept();
    expect(first.sent).toEqual([{ token: 'old-key' }]);
    first.deliver('evt_01');

    const rotation = transport.callReplacingKey('adminKey.rotate', { confirm: true }, (result) => result.key);
    const rotate = await nextRequest();
    expect(rotate).toMatchObject({ operation: 'adminKey.rotate', key: 'old-key' });
    // The core closes the old key's stream before its answer arrives.
    first.closeByServer(4401);
    rotate.answer(200, { result: { key: 'new-key', prefix: 'new' } });
    await expect(rotation).resolves.toEqual({ key: 'new-key', prefix: 'new' });

    expect(unauthorized).not.toHaveBeenCalled();
    expect(transport.key).toBe('new-key');
    const second = latest();
    expect(second).not.toBe(first);
    second.accept();
    expect(second.sent).toEqual([{ token: 'new-key', after: 'evt_01' }]);

    const info = transport.call('app.info', {});
    const call = await nextRequest();
    expect(call.key).toBe('new-key');
    call.answer(200, { result: { name: 'Chatdock' } });
    await expect(info).resolves.toEqual({ name: 'Chatdock' });
  });

  it('sends a call refused with the old key again with the new one', async () => {
    const unauthorized = vi.fn();
    const transport = new HttpTransport('old-key', unauthorized, 'http://chatdock.test');
    const list = transport.call('sessions.list', {});
    const listed = await nextRequest();
    const rotation = transport.callReplacingKey('adminKey.rotate', { confirm: true }, (result) => result.key);
    const rotate = await nextRequest();
    listed.answer(401, { error: { code: 'UNAUTHORIZED', message: 'bad key' } });
    await tick();
    rotate.answer(200, { result: { key: 'new-key', prefix: 'new' } });
    await rotation;
    const retried = await nextRequest();
    expect(retried).toMatchObject({ operation: 'sessions.list', key: 'new-key' });
    retried.answer(200, { result: [] });
    await expect(list).resolves.toEqual([]);
    expect(unauthorized).not.toHaveBeenCalled();
  });

  it('resumes from the cursor `ready` gave when no event arrived before the key changed', async () => {
    const transport = new HttpTransport('old-key', vi.fn(), 'http://chatdock.test');
    transport.subscribe(() => undefined);
    const first = latest();
    first.accept('evt_0190a1b2c3d4');

    const rotation = transport.callReplacingKey('adminKey.rotate', { confirm: true }, (result) => result.key);
    first.closeByServer(4401);
    (await nextRequest()).answer(200, { result: { key: 'new-key', prefix: 'new' } });
    await rotation;
    const second = latest();
    second.accept('evt_0190a1b2c3d4');
    // Without `after`, an event published while it reconnected (a new session) would be lost.
    expect(second.sent).toEqual([{ token: 'new-key', after: 'evt_0190a1b2c3d4' }]);
  });

  it('moves an open stream to a key set from elsewhere (another tab rotated it)', () => {
    const transport = new HttpTransport('old-key', vi.fn(), 'http://chatdock.test');
    transport.subscribe(() => undefined);
    const first = latest();
    first.accept();
    first.deliver('evt_07');
    transport.useKey('new-key');
    expect(first.closedByClient).toBe(true);
    const second = latest();
    expect(second).not.toBe(first);
    second.accept();
    expect(second.sent).toEqual([{ token: 'new-key', after: 'evt_07' }]);
  });

  it('signs out when the key is refused without being replaced', async () => {
    const unauthorized = vi.fn();
    const transport = new HttpTransport('old-key', unauthorized, 'http://chatdock.test');
    transport.subscribe(() => undefined);
    latest().accept();
    latest().closeByServer(4401);
    expect(unauthorized).toHaveBeenCalledTimes(1);

    const call = transport.call('app.info', {});
    (await nextRequest()).answer(401, { error: { code: 'UNAUTHORIZED', message: 'bad key' } });
    await expect(call).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(unauthorized).toHaveBeenCalledTimes(2);
  });
});
