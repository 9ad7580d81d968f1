import { beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../src-shared/model';
import type { Transport } from '../transport/types';
import { useSessions } from './sessions';

function session(id: string, name: string, changed: Partial<Session> = {}): Session {
  return {
    id,
    name,
    status: 'disconnected',
    statusReason: 'created',
    statusChangedAt: '2026-11-21T10:00:00.000Z',
    phone: null,
    pushName: null,
    reconnectAt: null,
    createdAt: '2026-11-21T10:00:00.000Z',
    ...changed,
  };
}

/** A transport whose `sessions.list` answers when the test says. */
function slowList() {
  let answer: (sessions: Session[]) => void = () => undefined;
  const transport = {
    call: () => new Promise<Session[]>((resolve) => (answer = resolve)),
  } as unknown as Transport;
  return { transport, answer: (sessions: Session[]) => answer(sessions) };
}

beforeEach(() => {
  useSessions.setState({ sessions: [], loaded: false, error: null, qr: {}, pairingCode: {} });
});

describe('the sessions store', () => {
  it('keeps a session announced while the list was loading, though the list predates it', async () => {
    const { transport, answer } = slowList();
    const loading = useSessions.getState().load(transport);
    useSessions.getState().applyStatus({ session: session('kiosk', 'Kiosk'), qr: null, pairingCode: null });
    answer([session('front', 'Front desk')]);
    await loading;
    expect(useSessions.getState().sessions.map((s) => s.id)).toEqual(['front', 'kiosk']);
  });

  it('keeps a session removed while the list was loading removed', async () => {
    const { transport, answer } = slowList();
    const loading = useSessions.getState().load(transport);
    useSessions.getState().remove('front');
    answer([session('front', 'Front desk'), session('shop', 'Shop')]);
    await loading;
    expect(useSessions.getState().sessions.map((s) => s.id)).toEqual(['shop']);
  });

  it('shows the newer state when an answer arrives after the event of a later change', () => {
    const store = useSessions.getState();
    store.upsert(session('kiosk', 'Kiosk'));
    const qr = session('kiosk', 'Kiosk', { status: 'qr', statusChangedAt: '2026-11-21T10:00:02.000Z' });
    store.applyStatus({ session: qr, qr: 'qr-text', pairingCode: null });
    // The answer of "connect", sent before the QR came.
    store.upsert(
      session('kiosk', 'Kiosk', { status: 'connecting', statusChangedAt: '2026-11-21T10:00:01.000Z' }),
    );
    expect(useSessions.getState().sessions[0]?.status).toBe('qr');
    // A rename keeps the state's time and is shown.
    store.upsert({ ...qr, name: 'Till' });
    expect(useSessions.getState().sessions[0]?.name).toBe('Till');
  });
});
