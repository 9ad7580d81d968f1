import { describe, expect, it } from 'vitest';
import { pollResults, withoutVotes, withVote } from './poll-tally.js';

const DANA = '972501111111@s.whatsapp.net';
const AVI = '972502222222@s.whatsapp.net';
const poll = { name: 'Pickup time?', options: ['Morning', 'Evening'], selectableCount: 1 };

describe('poll votes', () => {
  it("counts each voter's latest selection only", () => {
    let content = withVote(poll, { voterJid: DANA, options: ['Morning'], at: 1 })!;
    content = withVote(content, { voterJid: AVI, options: ['Morning'], at: 2 })!;
    content = withVote(content, { voterJid: DANA, options: ['Evening'], at: 3 })!;
    expect(pollResults(content)).toEqual({
      name: 'Pickup time?',
      selectableCount: 1,
      options: [
        { name: 'Morning', votes: 1, voters: [AVI] },
        { name: 'Evening', votes: 1, voters: [DANA] },
      ],
      totalVoters: 2,
    });
  });

  it('withdraws an empty vote, and an older vote arriving late cannot bring it back', () => {
    const voted = withVote(poll, { voterJid: DANA, options: ['Morning'], at: 1 })!;
    const withdrawn = withVote(voted, { voterJid: DANA, options: [], at: 5 })!;
    expect(pollResults(withdrawn)?.totalVoters).toBe(0);
    expect(pollResults(withdrawn)?.options[0]?.votes).toBe(0);
    expect(withVote(withdrawn, { voterJid: DANA, options: ['Morning'], at: 4 })).toBeNull();
  });

  it('reports no change for the same selection again, or a withdrawal without a vote', () => {
    const voted = withVote(poll, { voterJid: DANA, options: ['Morning', 'Evening'], at: 1 })!;
    expect(withVote(voted, { voterJid: DANA, options: ['Evening', 'Morning'], at: 2 })).toBeNull();
    expect(withVote(poll, { voterJid: AVI, options: [], at: 1 })).toBeNull();
  });

  it('shows the poll without its vote store in content', () => {
    const voted = withVote(poll, { voterJid: DANA, options: ['Morning'], at: 1 })!;
    expect(withoutVotes(voted)).toEqual(poll);
    expect(pollResults({ name: 'no options' })).toBeNull();
  });
});
