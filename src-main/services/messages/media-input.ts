import { AppError } from '../../../src-shared/errors.js';
import type { MediaSource, SendMessageType } from '../../../src-shared/send-schemas.js';
import type { ResolvedMedia } from '../../wa/outgoing.js';
import { tooLarge, type UrlDownload } from './media-url/download.js';

export type MediaKind = Extract<SendMessageType, 'image' | 'video' | 'audio' | 'document' | 'sticker'>;

const MB = 1024 * 1024;

/** WhatsApp's own limits per kind (bytes) and the formats it accepts for each. */
const MEDIA_RULES: Record<MediaKind, { maxBytes: number; types: readonly string[] | 'any' }> = {
  image: { maxBytes: 16 * MB, types: ['image/jpeg', 'image/png', 'image/webp'] },
  video: { maxBytes: 64 * MB, types: ['video/mp4', 'video/3gpp', 'video/quicktime'] },
  audio: {
    maxBytes: 16 * MB,
    types: ['audio/ogg', 'audio/mpeg', 'audio/mp4', 'audio/aac', 'audio/amr', 'audio/wav', 'audio/webm'],
  },
  sticker: { maxBytes: 1 * MB, types: ['image/webp'] },
  document: { maxBytes: 100 * MB, types: 'any' },
};

/** Recognises common formats from their first bytes, for base64 sent without a type. */
export function sniffMimetype(bytes: Buffer): string | null {
  const starts = (hex: string, offset = 0) =>
    bytes.subarray(offset, offset + hex.length / 2).toString('hex') === hex;
  if (starts('89504e47')) return 'image/png';
  if (starts('ffd8ff')) return 'image/jpeg';
  if (starts('52494646') && starts('57454250', 8)) return 'image/webp';
  if (starts('47494638')) return 'image/gif';
  if (starts('25504446')) return 'application/pdf';
  if (starts('4f676753')) return 'audio/ogg';
  if (starts('1a45dfa3')) return 'audio/webm'; // EBML: what browsers record voice notes as
  if (starts('494433') || starts('fffb')) return 'audio/mpeg';
  if (starts('66747970', 4)) return 'video/mp4';
  return null;
}

function baseType(mimetype: string): string {
  return mimetype.split(';')[0]!.trim().toLowerCase();
}

function decodeBase64(data: string, field: string): Buffer {
  const clean = data.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(clean)) {
    throw new AppError('VALIDATION_FAILED', `${field}: is not valid base64 or a data: URL`, field);
  }
  return Buffer.from(clean, clean.includes('-') || clean.includes('_') ? 'base64url' : 'base64');
}

/**
 * The text part of a `data:` URL without `;base64`: characters as UTF-8, `%XX` as the byte it
 * names (data URLs carry bytes, so `%FF` is fine although it is not UTF-8).
 */
function decodeDataText(text: string, field: string): Buffer {
  const broken = /%(?![0-9a-fA-F]{2})/.exec(text);
  if (broken) {
    const escape = text.slice(broken.index, broken.index + 3);
    throw new AppError('VALIDATION_FAILED', `${field}: "${escape}" is not a valid %-escape`, field);
  }
  // "%" is ASCII, so escapes can be decoded byte by byte in the UTF-8 form.
  const input = Buffer.from(text);
  const output = Buffer.alloc(input.length);
  let length = 0;
  for (let index = 0; index < input.length; index += 1) {
    if (input[index] === 0x25) {
      output[length] = parseInt(input.toString('latin1', index + 1, index + 3), 16);
      index += 2;
    } else {
      output[length] = input[index]!;
    }
    length += 1;
  }
  return output.subarray(0, length);
}

/** The last path segment of a URL, as a file name (as it is when an escape in it is broken). */
function fileNameOf(url: string): string | null {
  const segment = new URL(url).pathname.split('/').pop() ?? '';
  try {
    return decodeURIComponent(segment) || null;
  } catch {
    return segment || null;
  }
}

/**
 * Turns a media source into bytes and a checked type, or a 400 naming what is wrong. `sessionId`
 * is the number that sends: a library file of another number is not found.
 */
export type MediaResolver = (
  kind: MediaKind,
  source: MediaSource,
  sessionId?: string,
) => Promise<ResolvedMedia>;

/** A media library file by id (services/media-library/), or a 404/400 naming `field`. */
export type LibraryLookup = (
  id: string,
  sessionId: string | undefined,
  field: string,
) => { bytes: Buffer; mimetype: string; fileName: string | null };

/**
 * The media resolver of the core: URLs are fetched with `download` (the media-URL policy),
 * `mediaId` is read from the media library.
 */
export function mediaResolver(download: UrlDownload, library?: LibraryLookup): MediaResolver {
  return (kind, source, sessionId) => resolveMedia(kind, source, download, library, sessionId);
}

/** The bytes of a `data:` URL or plain base64, and the type the URL declares. */
export function decodeMediaData(data: string, field: string): { bytes: Buffer; declared: string | null } {
  const dataUrl = /^data:([^;,]+)?(;[^,]*)?,(.*)$/s.exec(data);
  if (!dataUrl) return { bytes: decodeBase64(data, field), declared: null };
  const bytes = (dataUrl[2] ?? '').includes('base64')
    ? decodeBase64(dataUrl[3] ?? '', field)
    : decodeDataText(dataUrl[3] ?? '', field);
  return { bytes, declared: dataUrl[1] ?? null };
}

/**
 * WhatsApp's limits for `kind`, the same for sends and media library uploads: not empty, not
 * over the size, a format it accepts. Returns the type (sniffed from the bytes when generic).
 */
export function checkMedia(kind: MediaKind, bytes: Buffer, declared: string | null, field: string): string {
  const rules = MEDIA_RULES[kind];
  if (bytes.length === 0) throw new AppError('VALIDATION_FAILED', `${field}: the file is empty`, field);
  if (bytes.length > rules.maxBytes) throw tooLarge(rules.maxBytes, field);
  const generic = !declared || baseType(declared) === 'application/octet-stream';
  const mimetype = (generic ? sniffMimetype(bytes) : declared) ?? declared ?? 'application/octet-stream';
  if (rules.types !== 'any' && !rules.types.includes(baseType(mimetype))) {
    throw new AppError(
      'VALIDATION_FAILED',
      `${field}: ${kind} must be one of ${rules.types.join(', ')}; got ${baseType(mimetype)}`,
      field,
    );
  }
  return mimetype;
}

/** The kind a file is checked as when the uploader does not say: from its type. */
export function kindOfMimetype(mimetype: string | null): MediaKind {
  const type = baseType(mimetype ?? '');
  if (type.startsWith('image/') && MEDIA_RULES.image.types.includes(type)) return 'image';
  if (type.startsWith('video/')) return 'video';
  if (type.startsWith('audio/')) return 'audio';
  return 'document';
}

async function resolveMedia(
  kind: MediaKind,
  source: MediaSource,
  download: UrlDownload,
  library: LibraryLookup | undefined,
  sessionId: string | undefined,
): Promise<ResolvedMedia> {
  let bytes: Buffer;
  let declared: string | null = source.mimetype ?? null;
  let storedName: string | null = null;
  const field = source.url ? 'media.url' : source.mediaId ? 'media.mediaId' : 'media.data';
  if (source.url) {
    const fetched = await download(source.url, MEDIA_RULES[kind].maxBytes);
    bytes = fetched.bytes;
    declared ??= fetched.mimetype;
  } else if (source.mediaId) {
    if (!library) throw new AppError('VALIDATION_FAILED', `${field}: media ids are not accepted here`, field);
    const file = library(source.mediaId, sessionId, field);
    bytes = file.bytes;
    declared ??= file.mimetype;
    storedName = file.fileName;
  } else {
    const decoded = decodeMediaData(source.data ?? '', field);
    bytes = decoded.bytes;
    declared ??= decoded.declared;
  }
  const mimetype = checkMedia(kind, bytes, declared, field);
  const fileName = source.fileName ?? storedName ?? (source.url ? fileNameOf(source.url) : null);
  return { bytes, mimetype, fileName };
}
