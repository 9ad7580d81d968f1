import { useState } from 'react';
import { useIntl } from 'react-intl';
import { EmojiText } from '../../../components/emoji/EmojiText';
import { SKIN_TONES, type SkinTone } from './emoji-model';

const HANDS = ['✋', '✋🏻', '✋🏼', '✋🏽', '✋🏾', '✋🏿'] as const;
const TONE_NAMES = ['default', 'light', 'mediumLight', 'medium', 'mediumDark', 'dark'] as const;

/** A hand in the current tone; opening it offers the six tones as a row of pressed-or-not buttons. */
export function SkinTonePicker({ tone, onChange }: { tone: SkinTone; onChange: (tone: SkinTone) => void }) {
  const intl = useIntl();
  const [open, setOpen] = useState(false);
  const name = (value: SkinTone) =>
    intl.formatMessage({ id: `inbox-composer.emojiPicker.tone.${TONE_NAMES[value]}` });
  const label = intl.formatMessage({ id: 'inbox-composer.emojiPicker.skinTone' });
  return (
    <div className="emoji-tone">
      <button
        type="button"
        className="emoji-tone__current"
        aria-label={`${label}: ${name(tone)}`}
        title={label}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        <EmojiText text={HANDS[tone]} />
      </button>
      {open && (
        <div className="emoji-tone__choices" role="group" aria-label={label}>
          {SKIN_TONES.map((value) => (
            <button
              key={value}
              type="button"
              aria-pressed={value === tone}
              aria-label={name(value)}
              title={name(value)}
              onClick={() => {
                onChange(value);
                setOpen(false);
              }}
            >
              <EmojiText text={HANDS[value]} />
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
