import { emojiImage } from '../../../components/emoji/twemoji';
import { buildEmojiList, type CompactEmoji, type PickerEmoji } from './emoji-model';

/**
 * Emojibase's data for the user's language, loaded on first use (each language is ~0.5 MB, so it
 * is its own chunk, not part of the inbox's bundle). Languages emojibase does not have (Hebrew,
 * Arabic) use English names; search always understands English too.
 */
const LOADERS: Record<string, () => Promise<{ default: CompactEmoji[] }>> = {
  en: () => import('emojibase-data/en/compact.json'),
  de: () => import('emojibase-data/de/compact.json'),
  es: () => import('emojibase-data/es/compact.json'),
  pt: () => import('emojibase-data/pt/compact.json'),
};

const cache = new Map<string, Promise<PickerEmoji[]>>();

export function loadEmojiList(locale: string): Promise<PickerEmoji[]> {
  const language = locale.split('-')[0] ?? 'en';
  const key = language in LOADERS ? language : 'en';
  let list = cache.get(key);
  if (!list) {
    list = Promise.all([LOADERS[key]!(), LOADERS.en!()]).then(([local, english]) =>
      // Only emoji Chatdock can draw: newer ones than the bundled images would show as text.
      buildEmojiList(local.default, english.default)
        .filter((emoji) => emojiImage(emoji.unicode) !== null)
        .map((emoji) => ({
          ...emoji,
          skins: emoji.skins.filter((skin) => emojiImage(skin.unicode) !== null),
        })),
    );
    // A failed load (e.g. the app was updated underneath the tab) may be retried next time.
    list.catch(() => cache.delete(key));
    cache.set(key, list);
  }
  return list;
}
