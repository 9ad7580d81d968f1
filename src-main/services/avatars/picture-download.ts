import { sniffMimetype } from '../messages/media-input.js';

export interface DownloadedPicture {
  bytes: Buffer;
  mimetype: string;
}

/**
 * The URL or its answer can never give a picture we use (wrong host, too big, not an image):
 * remember "no picture" instead of asking again.
 */
export class PictureRejected extends Error {
  override name = 'PictureRejected';
}

interface PictureDownloadOptions {
  /**
   * With a custom WhatsApp server (CHATDOCK_WA_SERVER_URL) its hostname: pictures are taken from
   * that host only, so nothing ever reaches outside. Null: WhatsApp itself, any https host.
   */
  allowedHost: string | null;
  timeoutMs?: number;
  maxBytes?: number;
  /** Injected in tests. */
  fetch?: typeof fetch;
}

/** Profile pictures are small JPEGs (a few kB to ~100 kB); anything near this is not one. */
const MAX_PICTURE_BYTES = 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 10_000;

/** The hostname pictures may come from when Chatdock talks to `serverUrl` instead of WhatsApp. */
export function pictureHostFor(serverUrl: string | null): string | null {
  return serverUrl ? new URL(serverUrl).hostname : null;
}

/**
 * Downloads a profile picture URL WhatsApp handed out: https only, from the allowed host only,
 * no redirects (they could lead elsewhere), within a time and size limit, and only if the bytes
 * are an image. Throws `PictureRejected` for answers that will never be a usable picture, and
 * other errors for failures worth retrying later. Error messages never contain the URL, whose
 * query string carries access tokens.
 */
export function pictureDownloader(
  options: PictureDownloadOptions,
): (url: string) => Promise<DownloadedPicture> {
  const fetchImpl = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? MAX_PICTURE_BYTES;

  return async (url) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new PictureRejected('the picture URL is not a URL');
    }
    if (parsed.protocol !== 'https:') throw new PictureRejected('the picture URL is not https');
    if (options.allowedHost !== null && parsed.hostname !== options.allowedHost) {
      throw new PictureRejected(
        `pictures are only taken from ${options.allowedHost}, not ${parsed.hostname}`,
      );
    }
    const response = await fetchImpl(parsed, { redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    if (response.status >= 300 && response.status < 400) {
      throw new PictureRejected(`the picture host answered with a redirect (${response.status})`);
    }
    if (!response.ok) throw new Error(`the picture host answered ${response.status}`);
    const declared = Number(response.headers.get('content-length'));
    if (declared > maxBytes) throw new PictureRejected(`the picture is larger than ${maxBytes} bytes`);
    const bytes = await readAtMost(response, maxBytes);
    // The bytes decide, not the host's Content-Type: what is stored is later served with this type.
    const mimetype = sniffMimetype(bytes);
    if (!mimetype?.startsWith('image/'))
      throw new PictureRejected('the picture host answered with something that is not an image');
    return { bytes, mimetype };
  };
}

/** The body, read chunk by chunk so a lying or missing Content-Length cannot make us buffer more. */
async function readAtMost(response: Response, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new PictureRejected(`the picture is larger than ${maxBytes} bytes`);
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}
