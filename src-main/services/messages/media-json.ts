/**
 * The `media` column's JSON (issue #23 target 3). Most of a media message's values are the
 * defaults: no file name, no hash until the file is stored, no duration for an image, not a voice
 * note, not stored; spelled out they were about half of its ~147 bytes. Since session 20 a row
 * stores only the values that differ from `DEFAULTS` and `mediaOf` puts the defaults back, so a
 * read gives the same object, in the same key order, as before; rows written before (every key
 * spelled out) read as they are.
 *
 * SQL readers need nothing: `json_extract` of a missing key is NULL, as of a JSON null, and
 * every condition on a default-valued key (`'$.sha256' IS NOT NULL`, `'$.removedAt' IS NULL`,
 * `'$.voiceNote' = 1`, `json_type(…'$.fileName') = 'text'`) reads a missing key as it read the
 * default.
 */
import type { MediaInfo } from '../../../src-shared/messages.js';

/** The values a stored row may leave out. */
const DEFAULTS = {
  fileName: null,
  size: null,
  sha256: null,
  seconds: null,
  width: null,
  height: null,
  voiceNote: false,
  stored: false,
} as const satisfies Partial<MediaInfo>;

/** The order wa/message-bodies.ts builds a `MediaInfo` in (retention appends `removedAt`). */
const KEY_ORDER: readonly (keyof MediaInfo)[] = [
  'mimetype',
  'fileName',
  'size',
  'sha256',
  'seconds',
  'width',
  'height',
  'voiceNote',
  'waveform',
  'stored',
  'removedAt',
];

const isDefault = (key: string, value: unknown) =>
  value === undefined || (key in DEFAULTS && DEFAULTS[key as keyof typeof DEFAULTS] === value);

/** The JSON to store: the values that are not their default. */
export function mediaJson(media: MediaInfo): string {
  return JSON.stringify(media, (key, value: unknown) =>
    key !== '' && isDefault(key, value) ? undefined : value,
  );
}

/** A stored `media` value read back whole: the defaults it left out put back in their place. */
export function mediaOf(json: string): MediaInfo {
  const stored = JSON.parse(json) as Record<string, unknown>;
  const media: Record<string, unknown> = {};
  for (const key of KEY_ORDER) {
    if (key in stored) media[key] = stored[key];
    else if (key in DEFAULTS) media[key] = DEFAULTS[key as keyof typeof DEFAULTS];
  }
  // Anything else a row holds (none today) comes after, as it was.
  for (const [key, value] of Object.entries(stored)) if (!(key in media)) media[key] = value;
  return media as MediaInfo;
}
