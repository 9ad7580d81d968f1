import { beforeEach, describe, expect, it } from 'vitest';
import type { Me } from '../../src-shared/contract/people';
import type { Transport } from '../transport/types';
import { RpcError } from '../transport/rpc-error';
import { useMe } from './me';

function me(role: Me['role'], numbers: Me['numbers'] = []): Me {
  return { user: null, kind: 'user', via: 'cookie', role, numbers, csrfToken: null };
}

/** A transport whose `people.me` answers what the test queues, in order. */
function answering(...answers: (Me | Error)[]) {
  let calls = 0;
  const transport = {
    call: (operation: string) => {
      expect(operation).toBe('people.me');
      const answer = answers[Math.min(calls++, answers.length - 1)]!;
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    },
  } as unknown as Transport;
  return { transport, calls: () => calls };
}

beforeEach(() => useMe.getState().clear());

describe('the signed-in principal', () => {
  it('loads who is signed in, and reads it again on refresh (a permission changed)', async () => {
    const agent = me('agent');
    const withTags = me('agent', [
      { session: 'shop', read: 'all', write: true, canUseTags: true, canManageSavedReplies: false },
    ]);
    const { transport, calls } = answering(agent, withTags);
    await useMe.getState().load(transport);
    expect(useMe.getState().principal).toEqual(agent);
    await useMe.getState().refresh();
    expect(useMe.getState().principal).toEqual(withTags);
    expect(calls()).toBe(2);
  });

  it('keeps the error (the UI then shows everything and lets the server decide)', async () => {
    const { transport } = answering(
      new RpcError({ code: 'FORBIDDEN', message: 'a session key has no profile' }),
    );
    await useMe.getState().load(transport);
    expect(useMe.getState().principal).toBeNull();
    expect(useMe.getState().error).toBe('a session key has no profile');
  });

  it('forgets the principal on sign-out, and refresh then asks nobody', async () => {
    const { transport, calls } = answering(me('owner'));
    await useMe.getState().load(transport);
    useMe.getState().clear();
    await useMe.getState().refresh();
    expect(useMe.getState().principal).toBeNull();
    expect(calls()).toBe(1);
  });
});
