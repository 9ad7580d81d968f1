import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../testkit/wa-emulator/index.js';
import { JPEG_48PX, PDF_BYTES } from '../../../testkit/support/media-fixtures.js';
import { startWaServer } from '../../../testkit/support/wa-server.js';
import { pictureDownloader, pictureHostFor, PictureRejected } from './picture-download.js';

// The local WhatsApp server's HTTPS media host plays WhatsApp's picture CDN: real TLS (its test CA
// is trusted through NODE_EXTRA_CA_CERTS, see vitest.config.ts), real redirects, a real stall.
let emulator: Emulator;
let allowedHost: string | null;

beforeAll(async () => {
  ({ emulator } = await startWaServer());
  allowedHost = pictureHostFor(emulator.wsUrl);
});

afterAll(async () => {
  await emulator?.close();
});

/** The error a download ends with; it must never contain the URL's token. */
async function failure(download: (url: string) => Promise<unknown>, url: string): Promise<unknown> {
  const error = await download(url).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(Error);
  expect(String(error)).not.toContain('secret');
  return error;
}

const withToken = (url: string) => `${url}?oh=01_secret&oe=6800`;

describe('pictureDownloader, against the local WhatsApp server', () => {
  it('downloads a picture and tells its type by its bytes (the host says octet-stream)', async () => {
    const download = pictureDownloader({ allowedHost });
    const picture = await download(withToken(emulator.publishMedia(JPEG_48PX)));
    expect(picture.mimetype).toBe('image/jpeg');
    expect(picture.bytes.equals(JPEG_48PX)).toBe(true);
  });

  it('refuses a redirect, even to a real picture on the same host', async () => {
    // Followed, this redirect would give a valid picture: only `redirect: 'manual'` refuses it.
    const picture = emulator.publishMedia(JPEG_48PX);
    const redirecting = emulator.oddMediaUrl({ kind: 'redirect', location: picture });
    const error = await failure(pictureDownloader({ allowedHost }), withToken(redirecting));
    expect(error).toBeInstanceOf(PictureRejected);
    expect(String(error)).toMatch(/redirect \(302\)/);
  });

  it('gives up on a host that never answers after 10 s, as an error worth retrying', async () => {
    const stalled = withToken(emulator.oddMediaUrl({ kind: 'stall' }));
    const started = performance.now();
    // The default timeout, not one chosen for the test.
    const error = await failure(pictureDownloader({ allowedHost }), stalled);
    const waited = performance.now() - started;
    expect(error).not.toBeInstanceOf(PictureRejected);
    expect((error as Error).name).toBe('TimeoutError');
    // A lower bound only (it must not give up early); a busy machine may take longer to notice.
    expect(waited).toBeGreaterThanOrEqual(9_900);
  }, 40_000);

  it('refuses plain http, another host, oversize and non-image answers as "no picture"', async () => {
    const download = pictureDownloader({ allowedHost });
    const picture = emulator.publishMedia(JPEG_48PX);
    expect(await failure(download, withToken(picture.replace('https:', 'http:')))).toBeInstanceOf(
      PictureRejected,
    );
    const elsewhere = withToken('https://pps.whatsapp.net/v/t61.24694-24/1_n.jpg');
    expect(String(await failure(download, elsewhere))).toMatch(/only taken from 127\.0\.0\.1, not pps/);
    expect(await failure(download, withToken(emulator.publishMedia(PDF_BYTES)))).toBeInstanceOf(
      PictureRejected,
    );
    const big = emulator.publishMedia(Buffer.concat([JPEG_48PX, Buffer.alloc(2000)]));
    expect(await failure(pictureDownloader({ allowedHost, maxBytes: 1000 }), withToken(big))).toBeInstanceOf(
      PictureRejected,
    );
  });

  it('reports a failing host (404) as an error worth retrying, not as "no picture"', async () => {
    const missing = `${emulator.mediaUrl}/m/0123456789abcdef`;
    expect(await failure(pictureDownloader({ allowedHost }), withToken(missing))).not.toBeInstanceOf(
      PictureRejected,
    );
  });
});

describe('pictureDownloader, a host that does not declare the length', () => {
  it('stops reading past the limit', async () => {
    // The local server always sends Content-Length; a lying or chunked host is simulated here.
    const big = Buffer.concat([JPEG_48PX, Buffer.alloc(2000)]);
    const streamed = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(big.subarray(0, 800));
        controller.enqueue(big.subarray(800));
        controller.close();
      },
    });
    const undeclared = (() => Promise.resolve(new Response(streamed))) as typeof fetch;
    const download = pictureDownloader({ allowedHost: null, maxBytes: 1000, fetch: undeclared });
    expect(await failure(download, withToken('https://pps.whatsapp.net/p.jpg'))).toBeInstanceOf(
      PictureRejected,
    );
  });
});
