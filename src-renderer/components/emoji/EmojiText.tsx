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
  return (
    <>
      {splitEmoji(text).map((piece, index) =>
        'emoji' in piece ? <EmojiGlyph key={index} emoji={piece.emoji} image={piece.image} /> : piece.text,
      )}
    </>
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
