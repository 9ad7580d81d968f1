import { EmojiImage } from '../../../components/emoji/EmojiText';

/** One emoji button's content: the character in the chosen tone and its spoken name. */
export interface GridItem {
  emoji: string;
  label: string;
}

/** Buttons per row; arrow up/down move by a row. Keep in step with `.emoji-picker__grid`. */
const COLUMNS = 8;

/** A section's emoji as a grid of buttons that arrow keys move through (across sections too). */
export function EmojiGrid({ items, onPick }: { items: GridItem[]; onPick: (emoji: string) => void }) {
  return (
    <div
      className="emoji-picker__grid"
      onKeyDown={(event) => {
        const step = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: COLUMNS, ArrowUp: -COLUMNS }[event.key];
        if (!step) return;
        const picker = event.currentTarget.closest('.emoji-picker__body');
        const buttons = [
          ...(picker?.querySelectorAll<HTMLButtonElement>('.emoji-picker__grid button') ?? []),
        ];
        const index = buttons.indexOf(event.target as HTMLButtonElement);
        if (index < 0) return;
        event.preventDefault();
        // Right-to-left pages move the other way on the horizontal arrows, as the grid is mirrored.
        const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
        const delta = rtl && Math.abs(step) === 1 ? -step : step;
        buttons[Math.min(buttons.length - 1, Math.max(0, index + delta))]?.focus();
      }}
    >
      {items.map((item) => (
        <button
          key={item.emoji}
          type="button"
          title={item.label}
          aria-label={item.label}
          onClick={() => onPick(item.emoji)}
        >
          <EmojiImage emoji={item.emoji} />
        </button>
      ))}
    </div>
  );
}
