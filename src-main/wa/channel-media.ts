import { createHash } from 'node:crypto';
import { extractMessageContent, getContentType, type proto } from '@whiskeysockets/baileys';

/** WhatsApp's own media host, where a post without a usable URL keeps its file (Baileys' default). */
const WHATSAPP_MEDIA_HOST = 'mmg.whatsapp.net';
/** Channel files are at most WhatsApp's media limits; anything larger is not a post's file. */
const MAX_BYTES = 100 * 1024 * 1024;
const TIMEOUT_MS = 60_000;

/**
 * The file of a channel (newsletter) post. WhatsApp keeps channel media unencrypted: the post
 * carries no media key, so Baileys' download (which always decrypts) cannot read it. The bytes
 * are fetched as they are — https only, no redirects, within a time and size limit — and must
 * match the post's `fileSha256`, so a wrong or altered file is never stored.
 */
export async function downloadChannelMedia(message: proto.IMessage | null | undefined): Promise<Buffer> {
  const content = extractMessageContent(message);
  const type = content ? getContentType(content) : undefined;
  const media = (type ? content?.[type] : undefined) as
    { url?: string | null; directPath?: string | null; fileSha256?: Uint8Array | null } | undefined;
  if (!media || (!media.url && !media.directPath)) throw new Error('the channel post has no file');
  const url = fileUrl(media.url, media.directPath);
  const response = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!response.ok) throw new Error(`the channel file answered ${response.status}`);
  if (Number(response.headers.get('content-length') ?? 0) > MAX_BYTES)
    throw new Error('the channel file is too large');
  const bytes = Buffer.from(await response.arrayBuffer());
  if (bytes.length > MAX_BYTES) throw new Error('the channel file is too large');
  const expected = media.fileSha256 ? Buffer.from(media.fileSha256) : null;
  if (!expected || !createHash('sha256').update(bytes).digest().equals(expected)) {
    throw new Error('the channel file does not match its post (sha256)');
  }
  return bytes;
}

/** As Baileys does: the direct path on the URL's host (or WhatsApp's), else the URL; https only. */
function fileUrl(url: string | null | undefined, directPath: string | null | undefined): string {
  let host = WHATSAPP_MEDIA_HOST;
  if (url) {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:') throw new Error('channel files are fetched over https only');
    host = parsed.host;
  }
  return directPath ? `https://${host}${directPath}` : url!;
}
