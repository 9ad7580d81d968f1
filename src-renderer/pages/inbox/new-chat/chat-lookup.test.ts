import { afterEach, expect, it } from 'vitest';
import type { Session } from '../../../../src-shared/model';
import { useSessions } from '../../../stores/sessions';
import { RpcError } from '../../../transport/rpc-error';
import type { Transport } from '../../../transport/types';
import { explainMissingChat } from './chat-lookup';

const shop: Session = {
  id: 'shop',
  name: 'Bakery front desk',
  status: 'connected',
  statusReason: 'opened',
  statusChangedAt: '2026-12-07T10:00:00.000Z',
  phone: '972520000301',
  pushName: null,
  reconnectAt: null,
  createdAt: '2026-12-07T09:00:00.000Z',
};

/** A core with one connected number, on which +44 7700 900222 has no WhatsApp account. */
const transport = {
  call: (operation: string) =>
    operation === 'sessions.list'
      ? Promise.resolve([shop])
      : operation === 'contacts.check'
        ? Promise.resolve({ items: [{ exists: false, jid: null }] })
        : Promise.reject(new Error(`unexpected ${operation}`)),
} as unknown as Transport;

const notFound = new RpcError({ code: 'NOT_FOUND', message: 'no such chat' });

afterEach(() => useSessions.setState({ sessions: [], loaded: false, error: null }));

it('says a linked number is not on WhatsApp even when the link opened before the numbers loaded', async () => {
  expect(useSessions.getState().loaded).toBe(false);
  const problem = await explainMissingChat(transport, 'shop', '447700900222@s.whatsapp.net', notFound);
  expect(problem).toBe('+44 7700 900222 is not on WhatsApp.');
  expect(useSessions.getState().loaded).toBe(true);
});

it('opens a new conversation (no problem) while the number cannot be checked offline', async () => {
  useSessions.setState({ sessions: [{ ...shop, status: 'disconnected' }], loaded: true });
  expect(await explainMissingChat(transport, 'shop', '447700900222@s.whatsapp.net', notFound)).toBeNull();
});
