/**
 * libsignal prints every session it closes, opens or removes (`console.info`/`console.warn`:
 * "Closing open session in favor of incoming prekey bundle" happens whenever a customer
 * reinstalls WhatsApp). Printed whole, an entry holds the ratchet's private key, root key and
 * chain keys, which would land in the headless server's stdout and whatever log collects it.
 * Chatdock's patch (patches/libsignal+6.0.0.patch) makes an entry print as its public base key.
 */
import { randomBytes } from 'node:crypto';
import { format } from 'node:util';
import { SessionRecord } from 'libsignal';
import { afterEach, describe, expect, it, vi } from 'vitest';

interface Entry {
  indexInfo: { baseKey: Buffer; baseKeyType: number; closed: number; used: number; created: number };
  currentRatchet: {
    ephemeralKeyPair: { pubKey: Buffer; privKey: Buffer };
    lastRemoteEphemeralKey: Buffer;
    previousCounter: number;
    rootKey: Buffer;
  };
}

const secrets: Buffer[] = [];

function entry(): Entry {
  const secret = () => {
    const bytes = randomBytes(32);
    secrets.push(bytes);
    return bytes;
  };
  const session = (SessionRecord as unknown as { createEntry(): Entry }).createEntry();
  session.indexInfo = { baseKey: randomBytes(33), baseKeyType: 1, closed: -1, used: 1, created: 1 };
  session.currentRatchet = {
    ephemeralKeyPair: { pubKey: randomBytes(33), privKey: secret() },
    lastRemoteEphemeralKey: randomBytes(33),
    previousCounter: 0,
    rootKey: secret(),
  };
  return session;
}

/** Everything libsignal printed, as the console would have written it. */
function printed(): string {
  const calls = [console.info, console.warn, console.log, console.error].flatMap(
    (method) => vi.mocked(method).mock.calls,
  );
  return calls.map((args) => format(...(args as [unknown, ...unknown[]]))).join('\n');
}

describe('libsignal session logs', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    secrets.length = 0;
  });

  it('print a session as its public base key, never its private or chain keys', () => {
    for (const method of ['info', 'warn', 'log', 'error'] as const)
      vi.spyOn(console, method).mockImplementation(() => {});
    type Record = {
      setSession(entry: Entry): void;
      closeSession(entry: Entry): void;
      openSession(entry: Entry): void;
      removeOldSessions(): void;
    };
    const record = new (SessionRecord as unknown as new () => Record)();
    const first = entry();
    record.setSession(first);
    record.closeSession(first); // "Closing session:"
    record.closeSession(first); // "Session already closed"
    record.openSession(first); // "Opening session:"
    for (let i = 0; i < 41; i += 1) {
      const old = entry();
      record.setSession(old);
      record.closeSession(old);
    }
    record.removeOldSessions(); // "Removing old closed session:"

    const text = printed();
    expect(text).toContain('Closing session');
    expect(text).toContain('Removing old closed session');
    expect(text).toContain(`<SessionEntry [baseKey=${first.indexInfo.baseKey.toString('base64')}]>`);
    expect(text).not.toMatch(/privKey|rootKey|chainKey|<Buffer/);
    for (const secret of secrets) {
      expect(text).not.toContain(secret.toString('base64'));
      expect(text).not.toContain(secret.toString('hex').slice(0, 16));
    }
  });
});
