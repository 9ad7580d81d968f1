import type { Message } from '../../../../src-shared/messages';
import { readPoll } from '../logic/content';

/** A poll: the question and its options (votes are counted on the phones). */
export function PollView({ message }: { message: Message }) {
  const poll = readPoll(message.content);
  if (!poll) return null;
  return (
    <div className="poll">
      <strong dir="auto">📊 {poll.name}</strong>
      <span className="muted">{poll.selectableCount === 1 ? 'Select one' : 'Select one or more'}</span>
      <ul>
        {poll.options.map((option, index) => (
          <li key={index} dir="auto">
            {option}
          </li>
        ))}
      </ul>
    </div>
  );
}
