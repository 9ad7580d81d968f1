import { afterEach, beforeEach, expect, it } from 'vitest';
import type { StaffPresence } from '../../src-shared/contract/presence';
import type { Transport } from '../transport/types';
import { useMe } from './me';
import { useStaffPresence } from './staff-presence';

const CHAT = '972501111111@s.whatsapp.net';
const dana = { id: 'usr_dana', name: 'Dana Levi' };

/** A core whose `staffPresence.list` answers only when the test says so. */
function slowList() {
  let answer: (items: StaffPresence[]) => void = () => undefined;
  const transport = {
    call: (operation: string) =>
      operation === 'staffPresence.list'
        ? new Promise((resolve) => {
            answer = (items) => resolve({ items });
          })
        : Promise.resolve({ ok: true }),
  } as unknown as Transport;
  return { transport, answer: (items: StaffPresence[]) => answer(items) };
}

beforeEach(() => {
  useMe.setState({
    principal: { kind: 'user', user: { id: 'usr_eli', name: 'Eli' } } as unknown as NonNullable<
      ReturnType<typeof useMe.getState>['principal']
    >,
  });
});
afterEach(() => useStaffPresence.getState().leave());

it('a list read before "Dana is typing" arrived does not hide it when it answers late', async () => {
  const core = slowList();
  useStaffPresence.getState().enter(core.transport, 'shop', CHAT, true);
  useStaffPresence.getState().apply('shop', { chat: CHAT, user: dana, state: 'typing' });
  expect(useStaffPresence.getState().people).toEqual([{ user: dana, state: 'typing' }]);

  // The list was read on the server before Dana started typing.
  core.answer([{ user: dana, state: 'viewing' }]);
  await Promise.resolve();
  await Promise.resolve();
  expect(useStaffPresence.getState().people).toEqual([{ user: dana, state: 'typing' }]);

  // Once the list is in, events apply on their own (Dana's typing ran out).
  useStaffPresence.getState().apply('shop', { chat: CHAT, user: dana, state: 'viewing' });
  expect(useStaffPresence.getState().people).toEqual([{ user: dana, state: 'viewing' }]);
  expect(useStaffPresence.getState().early).toBeNull();
});

it('events for another chat, or about myself, change nothing', () => {
  const core = slowList();
  useStaffPresence.getState().enter(core.transport, 'shop', CHAT, true);
  useStaffPresence.getState().apply('shop', { chat: 'other@s.whatsapp.net', user: dana, state: 'typing' });
  useStaffPresence
    .getState()
    .apply('shop', { chat: CHAT, user: { id: 'usr_eli', name: 'Eli' }, state: 'typing' });
  expect(useStaffPresence.getState().people).toEqual([]);
});
