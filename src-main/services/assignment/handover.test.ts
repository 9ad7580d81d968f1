import { describe, expect, it } from 'vitest';
import { OpenChatsAssignedError, requestFor, type HeldChat } from './handover.js';

const nobodys: HeldChat = { sessionId: 's', jid: 'a', userId: null };
const danas: HeldChat = { sessionId: 's', jid: 'b', userId: 'usr_dana' };

/** What a moved chat becomes when its person or team is deleted (the REST test covers the rest). */
describe('moving a deleted team’s or person’s chats', () => {
  it('a deleted person’s chats: to a person, to a team (nobody in it yet), or back to their team’s queue', () => {
    const owner = { user: 'usr_dana' };
    expect(requestFor(owner, { user: 'usr_eli' }, danas)).toEqual({ user: 'usr_eli' });
    expect(requestFor(owner, { team: 'team_b' }, danas)).toEqual({ user: null, team: 'team_b' });
    // The team is left alone: the chat returns to its queue.
    expect(requestFor(owner, 'unassigned', danas)).toEqual({ user: null });
  });

  it('a deleted team’s chats: a person already holding one keeps it', () => {
    const owner = { team: 'team_a' };
    expect(requestFor(owner, { team: 'team_b' }, danas)).toEqual({ team: 'team_b' });
    expect(requestFor(owner, { user: 'usr_eli' }, nobodys)).toEqual({ user: 'usr_eli', team: null });
    expect(requestFor(owner, { user: 'usr_eli' }, danas)).toEqual({ team: null });
    expect(requestFor(owner, 'unassigned', danas)).toEqual({ team: null });
  });

  it('the refusal carries the count in its body, naming moveChatsTo', () => {
    const body = new OpenChatsAssignedError(1, 'Sales').toBody();
    expect(body).toMatchObject({ code: 'CONFLICT', field: 'moveChatsTo', openChats: 1 });
    expect(body.message).toContain('1 open chat is assigned to Sales');
  });
});
