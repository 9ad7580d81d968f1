import { useIntl } from 'react-intl';
import type { Message } from '../../../../src-shared/messages';
import { readPoll, votePercent } from '../../../model/inbox/content';

/**
 * A poll: the question, each option with its votes and a bar (its share of the voters), and
 * how many people voted. Votes arrive as `message.updated` events, so the bars move live.
 */
export function PollView({ message }: { message: Message }) {
  const intl = useIntl();
  const poll = readPoll(message);
  if (!poll) return null;
  const voters = poll.totalVoters;
  return (
    <div className="poll">
      <strong dir="auto">📊 {poll.name || intl.formatMessage({ id: 'inbox.media.poll' })}</strong>
      <span className="muted">
        {intl.formatMessage({
          id: poll.selectableCount === 1 ? 'inbox.poll.selectOne' : 'inbox.poll.selectMany',
        })}
      </span>
      <ul>
        {poll.options.map((option, index) => (
          <li key={index} className="poll__option">
            <span className="poll__label">
              <span dir="auto">{option.name}</span>
              <span
                className="poll__votes"
                aria-label={intl.formatMessage({ id: 'inbox.poll.votes' }, { count: option.votes })}
              >
                {intl.formatNumber(option.votes)}
              </span>
            </span>
            <span className="poll__bar" aria-hidden="true">
              <span style={{ width: `${votePercent(option.votes, voters)}%` }} />
            </span>
          </li>
        ))}
      </ul>
      <span className="muted poll__total">
        {voters === 0
          ? intl.formatMessage({ id: 'inbox.poll.noVotes' })
          : intl.formatMessage({ id: 'inbox.poll.voted' }, { count: voters })}
      </span>
    </div>
  );
}
