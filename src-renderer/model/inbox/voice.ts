/**
 * The pure parts of the voice-note player: the waveform's bars, the time it shows, the playback
 * speeds and which voice note plays after the one that ended.
 */
import type { Message } from '../../../src-shared/messages';

/** WhatsApp's waveform bytes run from 0 (silence) to 100 (loudest). */
const WAVEFORM_MAX = 100;
/** A silent stretch still draws a short bar, so the track stays visible and clickable. */
const MIN_BAR = 0.12;

function decodeBase64(text: string): number[] {
  try {
    return Array.from(atob(text), (char) => char.charCodeAt(0));
  } catch {
    return [];
  }
}

/**
 * `count` bar heights between MIN_BAR and 1 from the base64 waveform a voice note carries, or
 * null when it carries none (the player then draws a plain progress bar). Each bar is the
 * loudest sample of its stretch, so short peaks are not averaged away; the loudest bar is full
 * height, as WhatsApp scales them.
 */
export function waveformBars(waveform: string | null | undefined, count: number): number[] | null {
  const samples = waveform ? decodeBase64(waveform) : [];
  if (samples.length === 0 || count < 1) return null;
  const bars: number[] = [];
  for (let bar = 0; bar < count; bar++) {
    const from = Math.floor((bar * samples.length) / count);
    const to = Math.max(from + 1, Math.floor(((bar + 1) * samples.length) / count));
    bars.push(Math.max(...samples.slice(from, to).map((s) => Math.min(s, WAVEFORM_MAX))));
  }
  const loudest = Math.max(...bars);
  return bars.map((value) =>
    loudest === 0 ? MIN_BAR : Math.round((MIN_BAR + (1 - MIN_BAR) * (value / loudest)) * 1000) / 1000,
  );
}

/** `m:ss` (or `h:mm:ss` from an hour), rounded down as a player's clock runs. */
export function formatClock(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '0:00';
  const total = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secs = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${secs}` : `${minutes}:${secs}`;
}

/**
 * What the player's clock shows: the whole length until the note is started (known from the
 * message's `seconds`, before any audio is fetched), the position once it has been.
 */
export function clockText(position: number, duration: number | null, started: boolean): string {
  return formatClock(started ? position : duration);
}

export const SPEEDS = [1, 1.5, 2] as const;
export type Speed = (typeof SPEEDS)[number];

/** The speed after `current` in 1× → 1.5× → 2× → 1×. */
export function nextSpeed(current: number): Speed {
  const index = SPEEDS.indexOf(current as Speed);
  return SPEEDS[(index + 1) % SPEEDS.length] ?? 1;
}

/** A remembered speed read back, or 1× for anything else. */
export function parseSpeed(stored: string | null): Speed {
  const value = Number(stored);
  return SPEEDS.includes(value as Speed) ? (value as Speed) : 1;
}

/** A voice note whose recording can still be played. */
export function isPlayableVoiceNote(message: Message): boolean {
  return (
    message.type === 'audio' &&
    Boolean(message.media?.voiceNote) &&
    !message.media?.removedAt &&
    !message.revoked
  );
}

/**
 * The voice note that plays when `endedId` ends: the next playable voice note after it in the
 * chat's loaded history (oldest first), as WhatsApp plays a run of voice notes one after another.
 * Null when it was the last one or is no longer loaded.
 */
export function nextVoiceNote(messages: readonly Message[], endedId: string): Message | null {
  const index = messages.findIndex((message) => message.id === endedId);
  if (index < 0) return null;
  return messages.slice(index + 1).find(isPlayableVoiceNote) ?? null;
}

/**
 * Where a key moves the player: arrows by 5 s, Page keys by a tenth, Home/End to the ends; null
 * for other keys. In right-to-left the track runs from the right, so ← moves forward.
 */
export function seekTarget(key: string, position: number, duration: number, rtl = false): number | null {
  const clamp = (value: number) => Math.min(Math.max(value, 0), duration);
  const mirrored =
    rtl && key === 'ArrowLeft' ? 'ArrowRight' : rtl && key === 'ArrowRight' ? 'ArrowLeft' : key;
  switch (mirrored) {
    case 'ArrowRight':
    case 'ArrowUp':
      return clamp(position + 5);
    case 'ArrowLeft':
    case 'ArrowDown':
      return clamp(position - 5);
    case 'PageUp':
      return clamp(position + duration / 10);
    case 'PageDown':
      return clamp(position - duration / 10);
    case 'Home':
      return 0;
    case 'End':
      return duration;
    default:
      return null;
  }
}
