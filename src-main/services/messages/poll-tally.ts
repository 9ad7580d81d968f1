/**
 * Poll votes as stored in a poll message's `content.votes` (voter JID → current selection, see
 * wa/poll-votes.ts) and the results the API shows. Pure functions.
 */
import type { PollResults } from '../../../src-shared/messages.js';
import type { PollVotes } from '../../wa/poll-votes.js';

type Content = Record<string, unknown>;

function storedVotes(content: Content): PollVotes {
  const votes = content.votes;
  return votes && typeof votes === 'object' ? (votes as PollVotes) : {};
}

const sameOptions = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((option) => b.includes(option));

/**
 * The poll's content with one voter's selection in place of their previous one (an empty
 * selection withdraws the vote). Null when nothing changes: the same selection again, or a vote
 * older than the one already counted (votes can arrive out of order after being offline).
 */
export function withVote(
  content: Content,
  vote: { voterJid: string; options: string[]; at: number },
): Content | null {
  const votes = storedVotes(content);
  const previous = votes[vote.voterJid];
  if (previous && (previous.at > vote.at || sameOptions(previous.options, vote.options))) return null;
  if (!previous && vote.options.length === 0) return null;
  return { ...content, votes: { ...votes, [vote.voterJid]: { options: vote.options, at: vote.at } } };
}

/** Options with their vote counts and voters, in the poll's own option order. */
export function pollResults(content: Content | null): PollResults | null {
  if (!content || !Array.isArray(content.options)) return null;
  const names = content.options.filter((name): name is string => typeof name === 'string');
  const voters = new Map<string, string[]>(names.map((name) => [name, []]));
  let totalVoters = 0;
  for (const [voterJid, { options }] of Object.entries(storedVotes(content))) {
    const counted = options.filter((name) => voters.has(name));
    if (counted.length) totalVoters += 1;
    for (const name of counted) voters.get(name)!.push(voterJid);
  }
  return {
    name: typeof content.name === 'string' ? content.name : '',
    selectableCount: typeof content.selectableCount === 'number' ? content.selectableCount : 0,
    options: names.map((name) => ({ name, votes: voters.get(name)!.length, voters: voters.get(name)! })),
    totalVoters,
  };
}

/** A poll's content as the API shows it: the votes are in `poll`, not repeated in `content`. */
export function withoutVotes(content: Content): Content {
  if (!('votes' in content)) return content;
  const { votes: _votes, ...rest } = content;
  return rest;
}
