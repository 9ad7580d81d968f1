import { AppError } from '../../../src-shared/errors.js';
import type { MediaSource, SendMessageType } from '../../../src-shared/send-schemas.js';
import type { ResolvedMedia } from '../../wa/outgoing.js';
import { tooLarge, type UrlDownload } from './media-url/download.js';

type MediaKind = Extract<SendMessageType, 'image' | 'video' | 'audio' | 'document' | 'sticker'>;

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

function decodeBase64(data: string): Buffer {
  const clean = data.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(clean)) {
    throw new AppError('VALIDATION_FAILED', 'media.data: is not valid base64 or a data: URL', 'media.data');
  }
  return Buffer.from(clean, clean.includes('-') || clean.includes('_') ? 'base64url' : 'base64');
}

/**
 * The text part of a `data:` URL without `;base64`: characters as UTF-8, `%XX` as the byte it
 * names (data URLs carry bytes, so `%FF` is fine although it is not UTF-8).
 */
function decodeDataText(text: string): Buffer {
  const broken = /%(?![0-9a-fA-F]{2})/.exec(text);
  if (broken) {
    const escape = text.slice(broken.index, broken.index + 3);
    throw new AppError('VALIDATION_FAILED', `media.data: "${escape}" is not a valid %-escape`, 'media.data');
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

/** Turns a media source into bytes and a checked type, or a 400 naming what is wrong. */
export type MediaResolver = (kind: MediaKind, source: MediaSource) => Promise<ResolvedMedia>;

/** The media resolver of the core: URLs are fetched with `download` (the media-URL policy). */
export function mediaResolver(download: UrlDownload): MediaResolver {
  return (kind, source) => resolveMedia(kind, source, download);
}

async function resolveMedia(
  kind: MediaKind,
  source: MediaSource,
  download: UrlDownload,
): Promise<ResolvedMedia> {
  const rules = MEDIA_RULES[kind];
  let bytes: Buffer;
  let declared: string | null = source.mimetype ?? null;
  const field = source.url ? 'media.url' : 'media.data';
  if (source.url) {
    const fetched = await download(source.url, rules.maxBytes);
    bytes = fetched.bytes;
    declared ??= fetched.mimetype;
  } else {
    const dataUrl = /^data:([^;,]+)?(;[^,]*)?,(.*)$/s.exec(source.data ?? '');
    if (dataUrl) {
      declared ??= dataUrl[1] ?? null;
      bytes = (dataUrl[2] ?? '').includes('base64')
        ? decodeBase64(dataUrl[3] ?? '')
        : decodeDataText(dataUrl[3] ?? '');
    } else {
      bytes = decodeBase64(source.data ?? '');
    }
  }
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
  const fileName = source.fileName ?? (source.url ? fileNameOf(source.url) : null);
  return { bytes, mimetype, fileName };
}
