import { describe, expect, it } from 'vitest';
import { JPEG_48PX, PDF_BYTES } from '../../test-support/media-fixtures.js';
import { pictureDownloader, pictureHostFor, PictureRejected } from './picture-download.js';

const PICTURE_URL = 'https://pps.whatsapp.net/v/t61.24694-24/1_n.jpg?ccb=11-4&oh=01_secret&oe=6800';

/** A fetch that answers every request with `body` (and records what was asked). */
function fakeFetch(body: Buffer | null, init: ResponseInit = {}) {
  const asked: string[] = [];
  const fetchImpl = ((input: string | URL | Request) => {
    asked.push(String(input));
    return Promise.resolve(new Response(body, init));
  }) as typeof fetch;
  return { asked, fetchImpl };
}

describe('pictureDownloader', () => {
  it('downloads a picture from WhatsApp and tells its type by its bytes', async () => {
    const { asked, fetchImpl } = fakeFetch(JPEG_48PX, { headers: { 'content-type': 'text/plain' } });
    const download = pictureDownloader({ allowedHost: null, fetch: fetchImpl });
    const picture = await download(PICTURE_URL);
    expect(picture.mimetype).toBe('image/jpeg');
    expect(picture.bytes.equals(JPEG_48PX)).toBe(true);
    expect(asked).toEqual([PICTURE_URL]);
  });

  it('with a custom WhatsApp server, never fetches a picture from another host', async () => {
    const { asked, fetchImpl } = fakeFetch(JPEG_48PX);
    const download = pictureDownloader({
      allowedHost: pictureHostFor('wss://wa.internal.example:4443/ws/chat'),
      fetch: fetchImpl,
    });
    await expect(download(PICTURE_URL)).rejects.toBeInstanceOf(PictureRejected);
    await expect(download(PICTURE_URL)).rejects.toThrow(/only taken from wa\.internal\.example, not pps/);
    expect(asked).toEqual([]);
    // The same host on another port (its media server) is the same server.
    await download('https://wa.internal.example:8443/m/abc?oh=1');
    expect(asked).toEqual(['https://wa.internal.example:8443/m/abc?oh=1']);
  });

  it('refuses plain http, redirects, oversize and non-image answers, without their URL in the error', async () => {
    const refused = async (download: (url: string) => Promise<unknown>, url = PICTURE_URL) => {
      const error = await download(url).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(PictureRejected);
      expect(String(error)).not.toContain('secret');
      return error;
    };
    await refused(
      pictureDownloader({ allowedHost: null, fetch: fakeFetch(JPEG_48PX).fetchImpl }),
      PICTURE_URL.replace('https', 'http'),
    );
    await refused(
      pictureDownloader({
        allowedHost: null,
        fetch: fakeFetch(null, { status: 302, headers: { location: 'https://elsewhere.example/' } })
          .fetchImpl,
      }),
    );
    await refused(pictureDownloader({ allowedHost: null, fetch: fakeFetch(PDF_BYTES).fetchImpl }));
    const big = Buffer.concat([JPEG_48PX, Buffer.alloc(2000)]);
    // Too big by its Content-Length, and by its actual bytes when the length is not declared.
    const declared = fakeFetch(big, { headers: { 'content-length': String(big.length) } }).fetchImpl;
    await refused(pictureDownloader({ allowedHost: null, maxBytes: 1000, fetch: declared }));
    const streamed = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(big.subarray(0, 800));
        controller.enqueue(big.subarray(800));
        controller.close();
      },
    });
    const undeclared = (() => Promise.resolve(new Response(streamed))) as typeof fetch;
    await refused(pictureDownloader({ allowedHost: null, maxBytes: 1000, fetch: undeclared }));
  });

  it('reports a failing host as an error worth retrying, not as "no picture"', async () => {
    const download = pictureDownloader({
      allowedHost: null,
      fetch: fakeFetch(null, { status: 503 }).fetchImpl,
    });
    const error = await download(PICTURE_URL).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(PictureRejected);
  });
});
