import type { ReactNode } from 'react';
import '../../styles/emoji.css';
import { emojiImage, splitEmoji } from './twemoji';

/**
 * An emoji drawn with its bundled image. The character stays in the page, transparent, so
 * selecting and copying the text gives the emoji, and screen readers read it as usual.
 */
export function EmojiGlyph({ emoji, image }: { emoji: string; image: string }) {
  return (
    <span className="emoji-glyph" style={{ backgroundImage: `url("${image}")` }}>
      {emoji}
    </span>
  );
}

/** Text with its emoji drawn as images (message text, reactions, the picker). */
export function EmojiText({ text }: { text: string }) {
  return <>{emojiNodes(text)}</>;
}

/**
 * The same as children of an element of the caller's: the text itself when it has no emoji (most
 * messages), so that a message bubble's paragraph holds its text without a component, a fragment
 * or a text node of React's own in between (issue #23 target 7).
 */
export function emojiNodes(text: string): ReactNode {
  const pieces = splitEmoji(text);
  const only = pieces.length === 1 ? pieces[0] : undefined;
  if (only && 'text' in only) return only.text;
  return pieces.map((piece, index) =>
    'emoji' in piece ? <EmojiGlyph key={index} emoji={piece.emoji} image={piece.image} /> : piece.text,
  );
}

/**
 * One emoji as a lazily loaded image, for long grids (the picker): only the ones scrolled into
 * view are fetched. The image is decoration; the button around it carries the name.
 */
export function EmojiImage({ emoji }: { emoji: string }) {
  const image = emojiImage(emoji);
  if (!image) return <>{emoji}</>;
  return <img className="emoji-img" src={image} alt="" loading="lazy" decoding="async" draggable={false} />;
}
