import { useIntl } from 'react-intl';
import { EmojiText } from '../../components/emoji/EmojiText';
import type { Message } from '../../../src-shared/messages';

/** The emoji others (and we) reacted with, grouped with counts; mounted only when there are some. */
export function Reactions({ reactions }: { reactions: Message['reactions'] }) {
  const intl = useIntl();
  const counts = new Map<string, number>();
  for (const reaction of reactions) counts.set(reaction.emoji, (counts.get(reaction.emoji) ?? 0) + 1);
  const label = intl.formatList(
    [...counts].map(([emoji, count]) => intl.formatMessage({ id: 'inbox.reactions.one' }, { emoji, count })),
    { type: 'unit' },
  );
  return (
    <div
      className="reactions"
      role="img"
      aria-label={intl.formatMessage({ id: 'inbox.reactions.label' }, { list: label })}
    >
      {[...counts].map(([emoji, count]) => (
        <span key={emoji}>
          <EmojiText text={emoji} />
          {count > 1 && <small>{intl.formatNumber(count)}</small>}
        </span>
      ))}
    </div>
  );
}
