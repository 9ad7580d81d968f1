import type { Message } from '../../../../src-shared/messages';
import { readPoll, votePercent } from '../../../model/inbox/content';

/**
 * A poll: the question, each option with its votes and a bar (its share of the voters), and
 * how many people voted. Votes arrive as `message.updated` events, so the bars move live.
 */
export function PollView({ message }: { message: Message }) {
  const poll = readPoll(message);
  if (!poll) return null;
  const voters = poll.totalVoters;
  return (
    <div className="poll">
      <strong dir="auto">📊 {poll.name}</strong>
      <span className="muted">{poll.selectableCount === 1 ? 'Select one' : 'Select one or more'}</span>
      <ul>
        {poll.options.map((option, index) => (
          <li key={index} className="poll__option">
            <span className="poll__label">
              <span dir="auto">{option.name}</span>
              <span
                className="poll__votes"
                aria-label={`${option.votes} ${option.votes === 1 ? 'vote' : 'votes'}`}
              >
                {option.votes}
              </span>
            </span>
            <span className="poll__bar" aria-hidden="true">
              <span style={{ width: `${votePercent(option.votes, voters)}%` }} />
            </span>
          </li>
        ))}
      </ul>
      <span className="muted poll__total">
        {voters === 0 ? 'No votes yet' : `${voters} ${voters === 1 ? 'person' : 'people'} voted`}
      </span>
    </div>
  );
}
