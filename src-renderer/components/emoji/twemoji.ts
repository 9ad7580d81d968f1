import codes from 'virtual:twemoji-codes';

/**
 * Which emoji Chatdock draws as bundled images (see `scripts/vite-twemoji.mjs` for why), and how
 * text is cut into emoji and the rest.
 */
const AVAILABLE = new Set(codes.split(' '));

/**
 * Twemoji's file name for an emoji: its code points in hex joined by "-", without the emoji
 * variation selector (U+FE0F) unless the emoji is a joined sequence (ZWJ), as Twemoji names them.
 */
export function twemojiCode(emoji: string): string {
  const points = [...emoji].map((char) => char.codePointAt(0)!.toString(16));
  return (emoji.includes('\u200d') ? points : points.filter((point) => point !== 'fe0f')).join('-');
}

/** The bundled image for an emoji, or null when there is none (then it stays text). */
export function emojiImage(emoji: string): string | null {
  const code = twemojiCode(emoji);
  if (AVAILABLE.has(code)) return `/emoji/${code}.svg`;
  // Some sequences are named with the selector kept (e.g. keycaps); try the full form too.
  const full = [...emoji].map((char) => char.codePointAt(0)!.toString(16)).join('-');
  return AVAILABLE.has(full) ? `/emoji/${full}.svg` : null;
}

/** A character drawn as an emoji by default, or made one by a selector, keycap, tone or flag pair. */
const EMOJI_GRAPHEME =
  /\p{Emoji_Presentation}|\p{Extended_Pictographic}\ufe0f|\u20e3|\p{Regional_Indicator}{2}|\p{Emoji_Modifier}/u;
/** Cheap first look: text without any of these has no emoji (most messages). */
const MAY_HAVE_EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;

export type TextPiece = { emoji: string; image: string } | { text: string };

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Text cut into runs of plain text and single emoji that have an image. */
export function splitEmoji(text: string): TextPiece[] {
  if (!MAY_HAVE_EMOJI.test(text)) return [{ text }];
  const pieces: TextPiece[] = [];
  let plain = '';
  for (const { segment } of graphemes.segment(text)) {
    const image = EMOJI_GRAPHEME.test(segment) ? emojiImage(segment) : null;
    if (image) {
      if (plain) pieces.push({ text: plain });
      plain = '';
      pieces.push({ emoji: segment, image });
    } else plain += segment;
  }
  if (plain) pieces.push({ text: plain });
  return pieces;
}
