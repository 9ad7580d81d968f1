import { addRecent, SKIN_TONES, type SkinTone } from './emoji-model';

/**
 * The picker's memory on this device: recently used emoji and the chosen skin tone. Kept in
 * localStorage (a preference of the hands at this keyboard, not of the shop), and read
 * defensively: a broken or old value is ignored.
 */
const RECENT_KEY = 'chatdock.emoji.recent';
const TONE_KEY = 'chatdock.emoji.tone';

export function readRecent(): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberRecent(emoji: string): string[] {
  const next = addRecent(readRecent(), emoji);
  localStorage.setItem(RECENT_KEY, JSON.stringify(next));
  return next;
}

export function readSkinTone(): SkinTone {
  const value = Number(localStorage.getItem(TONE_KEY) ?? 0);
  return (SKIN_TONES as readonly number[]).includes(value) ? (value as SkinTone) : 0;
}

export function saveSkinTone(tone: SkinTone): void {
  localStorage.setItem(TONE_KEY, String(tone));
}
