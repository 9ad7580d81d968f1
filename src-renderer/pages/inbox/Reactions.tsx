import type { Message } from '../../../src-shared/messages';

/** The emoji others (and we) reacted with, grouped with counts. */
export function Reactions({ reactions }: { reactions: Message['reactions'] }) {
  if (reactions.length === 0) return null;
  const counts = new Map<string, number>();
  for (const reaction of reactions) counts.set(reaction.emoji, (counts.get(reaction.emoji) ?? 0) + 1);
  const label = [...counts].map(([emoji, count]) => `${emoji} ${count}`).join(', ');
  return (
    <div className="reactions" role="img" aria-label={`Reactions: ${label}`}>
      {[...counts].map(([emoji, count]) => (
        <span key={emoji}>
          {emoji}
          {count > 1 && <small>{count}</small>}
        </span>
      ))}
    </div>
  );
}
