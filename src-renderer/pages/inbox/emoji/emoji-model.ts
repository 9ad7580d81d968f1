/**
 * The emoji picker's data and rules, kept apart from React so they can be tested: which emoji
 * exist (from emojibase, the CLDR data every major picker uses), how a search matches, which
 * skin tone a person chose, and what they used recently.
 */

/** One emoji as emojibase's compact data describes it (only the fields the picker reads). */
export interface CompactEmoji {
  unicode: string;
  hexcode: string;
  label: string;
  group?: number;
  order?: number;
  tags?: string[];
  skins?: CompactEmoji[];
}

export interface PickerEmoji {
  unicode: string;
  hexcode: string;
  /** Shown as the button's name, in the user's language when emojibase has it. */
  label: string;
  group: number;
  /** Lower-cased words a search matches: label and tags, in the user's language and English. */
  words: string;
  /** The labels' words alone (local and English): an emoji named by the query ranks first. */
  labelWords: string;
  skins: CompactEmoji[];
}

/** Emojibase's groups, in order; group 2 ("components": bare skin tones, hair) is not offered. */
export const EMOJI_GROUPS = [
  { id: 0, key: 'smileys', icon: '😀' },
  { id: 1, key: 'people', icon: '👋' },
  { id: 3, key: 'nature', icon: '🐻' },
  { id: 4, key: 'food', icon: '🍔' },
  { id: 5, key: 'travel', icon: '✈️' },
  { id: 6, key: 'activities', icon: '⚽' },
  { id: 7, key: 'objects', icon: '💡' },
  { id: 8, key: 'symbols', icon: '🔣' },
  { id: 9, key: 'flags', icon: '🏁' },
] as const;
export type EmojiGroupKey = (typeof EMOJI_GROUPS)[number]['key'];

/**
 * Builds the picker's list from emojibase's compact data in the user's language, with English
 * words added so a search in English always works (emojibase has no Hebrew or Arabic data).
 */
export function buildEmojiList(local: CompactEmoji[], english: CompactEmoji[]): PickerEmoji[] {
  const englishByHex = new Map(english.map((emoji) => [emoji.hexcode, emoji]));
  return local
    .filter((emoji) => emoji.group !== undefined && emoji.group !== 2)
    .sort((a, b) => (a.order ?? 0) - (b.order ?? 0))
    .map((emoji) => {
      const inEnglish = englishByHex.get(emoji.hexcode);
      return {
        unicode: emoji.unicode,
        hexcode: emoji.hexcode,
        label: emoji.label,
        group: emoji.group ?? 0,
        words: `${wordsOf(emoji)} ${inEnglish ? wordsOf(inEnglish) : ''}`.trim(),
        labelWords: `${emoji.label} ${inEnglish?.label ?? ''}`.toLocaleLowerCase().trim(),
        skins: emoji.skins ?? [],
      };
    });
}

function wordsOf(emoji: CompactEmoji): string {
  return [emoji.label, ...(emoji.tags ?? [])].join(' ').toLocaleLowerCase();
}

/**
 * Emoji with a word starting with every word of the query ("red hea" finds ❤️): those whose name
 * matches first ("pizz" → 🍕 before the mushroom tagged "pizza"), then the rest, in list order.
 */
export function searchEmoji(list: PickerEmoji[], query: string): PickerEmoji[] {
  const terms = query.toLocaleLowerCase().trim().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return list;
  const matches = (text: string) => {
    const words = text.split(/[\s:,]+/);
    return terms.every((term) => words.some((word) => word.startsWith(term)));
  };
  const named: PickerEmoji[] = [];
  const tagged: PickerEmoji[] = [];
  for (const emoji of list) {
    if (matches(emoji.labelWords)) named.push(emoji);
    else if (matches(emoji.words)) tagged.push(emoji);
  }
  return [...named, ...tagged];
}

/** Skin tones as Unicode's Fitzpatrick modifiers: 0 is the default yellow, 1–5 light to dark. */
export const SKIN_TONES = [0, 1, 2, 3, 4, 5] as const;
export type SkinTone = (typeof SKIN_TONES)[number];
const TONE_MODIFIERS = ['1F3FB', '1F3FC', '1F3FD', '1F3FE', '1F3FF'];

/**
 * The emoji in the chosen tone: the variant whose every modifier is that tone (so two people
 * holding hands are both that tone), or the emoji itself when it has no tones.
 */
export function withSkinTone(emoji: PickerEmoji, tone: SkinTone): string {
  if (tone === 0 || emoji.skins.length === 0) return emoji.unicode;
  const wanted = TONE_MODIFIERS[tone - 1];
  const variant = emoji.skins.find((skin) => {
    const modifiers = skin.hexcode.split('-').filter((part) => TONE_MODIFIERS.includes(part));
    return modifiers.length > 0 && modifiers.every((part) => part === wanted);
  });
  return variant?.unicode ?? emoji.unicode;
}

/** How many recently used emoji the picker remembers and shows first. */
export const RECENT_LIMIT = 24;

/** The recent list after using `emoji`: it moves to the front, duplicates and overflow drop. */
export function addRecent(recent: string[], emoji: string): string[] {
  return [emoji, ...recent.filter((item) => item !== emoji)].slice(0, RECENT_LIMIT);
}
