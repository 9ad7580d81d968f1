import { useT } from '../../i18n/use-t';
import { useEffect, useRef } from 'react';

/** The emoji people use most in business chats; the OS emoji keyboard has the rest. */
export const EMOJI = [
  '😀',
  '😂',
  '😊',
  '😍',
  '🥰',
  '😉',
  '😎',
  '🤔',
  '😅',
  '😢',
  '😮',
  '😡',
  '👍',
  '👎',
  '👏',
  '🙏',
  '👌',
  '✌️',
  '💪',
  '🤝',
  '👋',
  '🙌',
  '❤️',
  '💔',
  '🔥',
  '🎉',
  '✅',
  '❌',
  '⭐',
  '💯',
  '📦',
  '🚚',
  '💳',
  '🧾',
  '📞',
  '⏰',
];

export const QUICK_REACTIONS = ['👍', '❤️', '😂', '😮', '😢', '🙏'];

/** A small grid of emoji; picking one calls onPick, Esc or a click elsewhere closes it. */
export function EmojiPicker({ onPick, onClose }: { onPick: (emoji: string) => void; onClose: () => void }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector('button')?.focus();
    const onPointer = (event: PointerEvent) => {
      if (ref.current && !ref.current.contains(event.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [onClose]);
  return (
    <div
      ref={ref}
      className="emoji-picker"
      role="dialog"
      aria-label={t('composer.emojiPicker')}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      {EMOJI.map((emoji) => (
        <button key={emoji} type="button" aria-label={emoji} onClick={() => onPick(emoji)}>
          {emoji}
        </button>
      ))}
    </div>
  );
}
