import { describe, expect, it } from 'vitest';
import { useCleanups } from '../../../../testkit/support/cleanups.js';
import { startMediaUrlServer, type MediaUrlServer } from '../../../../testkit/support/media-url-server.js';
import { PNG_1PX } from '../../../../testkit/support/media-fixtures.js';
import { mediaUrlDownloader, UNREACHABLE_MESSAGE, type MediaUrlOptions } from './download.js';

const MB = 1024 * 1024;
const cleanup = useCleanups();

async function server(...args: Parameters<typeof startMediaUrlServer>): Promise<MediaUrlServer> {
  const started = await startMediaUrlServer(...args);
  cleanup(() => started.close());
  return started;
}

/** A server answering every path with the 1-px PNG. */
const png = () =>
  server((_request, response) => {
    response.writeHead(200, { 'content-type': 'image/png' }).end(PNG_1PX);
  });

/** The error a download failed with: its message and field. */
async function failure(
  options: MediaUrlOptions,
  url: string,
  maxBytes = MB,
): Promise<{ message: string; field: string | undefined }> {
  try {
    await mediaUrlDownloader(options)(url, maxBytes);
  } catch (error) {
    const { message, field } = error as { message: string; field?: string };
    return { message, field };
  }
  throw new Error(`${url} was downloaded`);
}

const refused = { message: UNREACHABLE_MESSAGE, field: 'media.url' };

describe('media URLs by default (public hosts only)', () => {
  const policy: MediaUrlOptions = { allowInternal: false };

  it('never connects to loopback, however the address is spelled', async () => {
    const target = await png();
    for (const host of [
      '127.0.0.1',
      '2130706433',
      '0x7f000001',
      '127.1',
      '[::ffff:127.0.0.1]',
      '[::1]',
      'localhost',
    ]) {
      expect(await failure(policy, `https://${host}:${target.port}/menu.png`), host).toEqual(refused);
    }
    expect(target.requests).toEqual([]);
  });

  it('refuses a host name that resolves to a private address, without connecting', async () => {
    const asked: string[] = [];
    const resolve = async (hostname: string) => {
      asked.push(hostname);
      return [{ address: '10.0.0.5', family: 4 as const }];
    };
    expect(await failure({ ...policy, resolve }, 'https://files.intranet.example/menu.png')).toEqual(refused);
    expect(asked).toEqual(['files.intranet.example']);
  });

  it('answers a refused internal target exactly like a host that is not there', async () => {
    const gone = await png();
    await gone.close();
    // Allowed but nobody listening vs. listening but not allowed: the caller cannot tell them apart.
    const unreachable = await failure({ allowInternal: true }, `${gone.origin}/menu.png`);
    const target = await png();
    const notAllowed = await failure(policy, `${target.origin}/menu.png`);
    expect(unreachable).toEqual(refused);
    expect(notAllowed).toEqual(unreachable);
  });
});

describe('media URLs with internal targets allowed (what tests and the owner switch on)', () => {
  const policy: MediaUrlOptions = { allowInternal: true };

  it('downloads the file and its type', async () => {
    const target = await png();
    const file = await mediaUrlDownloader(policy)(`${target.origin}/menu.png`, MB);
    expect(file.bytes.equals(PNG_1PX)).toBe(true);
    expect(file.mimetype).toBe('image/png');
  });

  it('refuses a redirect to http://, also to loopback (the audit: 302 to http://127.0.0.1)', async () => {
    const inside = await server((_request, response) => response.writeHead(200).end('secret admin page'), {
      plain: true,
    });
    const outside = await server((_request, response) => {
      response.writeHead(302, { location: `${inside.origin}/admin` }).end();
    });
    expect(await failure(policy, `${outside.origin}/menu.png`)).toEqual({
      message: 'media.url: must be an https:// URL, also after redirects',
      field: 'media.url',
    });
    expect(inside.requests).toEqual([]);
  });

  it('follows a few redirects, relative ones included, and stops a loop', async () => {
    const target = await server((request, response) => {
      if (request.url === '/a') response.writeHead(301, { location: '/b' }).end();
      else if (request.url === '/b') response.writeHead(307, { location: '/menu.png' }).end();
      else if (request.url === '/loop') response.writeHead(302, { location: '/loop' }).end();
      else response.writeHead(200, { 'content-type': 'image/png' }).end(PNG_1PX);
    });
    const file = await mediaUrlDownloader(policy)(`${target.origin}/a`, MB);
    expect(file.bytes.equals(PNG_1PX)).toBe(true);
    expect(await failure(policy, `${target.origin}/loop`)).toEqual({
      message: 'media.url: was redirected more than 5 times',
      field: 'media.url',
    });
    expect(target.requests.filter((url) => url === '/loop')).toHaveLength(6);
  });

  it('checks the target of every redirect against the address policy', async () => {
    const second = await png();
    const first = await server((_request, response) => {
      response.writeHead(302, { location: `https://localhost:${second.port}/menu.png` }).end();
    });
    // Tests can only use loopback: here 127.0.0.1 counts as public and ::1 as internal.
    const isInternal = (address: string) => address !== '127.0.0.1';
    const resolve = async () => [{ address: '::1', family: 6 as const }];
    const downloads = { allowInternal: false, isInternal, resolve };
    expect(await failure(downloads, `${first.origin}/menu.png`)).toEqual(refused);
    expect(first.requests).toEqual(['/menu.png']);
    expect(second.requests).toEqual([]);
  });

  it('resolves a host once and connects to that address (no DNS rebinding)', async () => {
    const target = await png();
    const answers = ['127.0.0.1', '127.0.0.2'];
    const asked: string[] = [];
    const resolve = async (hostname: string) => {
      asked.push(hostname);
      return [{ address: answers.shift() ?? '127.0.0.2', family: 4 as const }];
    };
    const isInternal = (address: string) => address !== '127.0.0.1';
    const file = await mediaUrlDownloader({ allowInternal: false, isInternal, resolve })(
      `https://localhost:${target.port}/menu.png`,
      MB,
    );
    expect(file.bytes.equals(PNG_1PX)).toBe(true);
    expect(asked).toEqual(['localhost']);
  });

  it('stops reading a chunked answer at the limit instead of buffering it all', async () => {
    let written = 0;
    let closed = false;
    const chunk = Buffer.alloc(64 * 1024, 7);
    const endless = await server((_request, response) => {
      response.writeHead(200, { 'content-type': 'image/png' }); // no Content-Length: chunked
      response.on('close', () => (closed = true));
      // Offers 400 MB, as fast as the reader takes it.
      const pump = () => {
        while (!closed && written < 400 * MB) {
          written += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
        response.end();
      };
      pump();
    });
    const before = process.memoryUsage().rss;
    expect(await failure(policy, `${endless.origin}/huge.png`, 2 * MB)).toEqual({
      message: 'media.url: is larger than WhatsApp allows (2 MB)',
      field: 'media.url',
    });
    await expect.poll(() => closed).toBe(true);
    // Socket buffers let the server write somewhat past the limit, never anywhere near 400 MB.
    expect(written).toBeLessThan(40 * MB);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * MB);
  });

  it('refuses a declared Content-Length over the limit before reading', async () => {
    const big = await server((_request, response) => {
      response.writeHead(200, { 'content-length': String(50 * MB) });
      response.write(Buffer.alloc(1024));
    });
    expect(await failure(policy, `${big.origin}/big.png`)).toEqual({
      message: 'media.url: is larger than WhatsApp allows (1 MB)',
      field: 'media.url',
    });
  });

  it('gives up on a host that does not answer, or answers too slowly, within the timeout', async () => {
    const silent = await server(() => {});
    const trickle = await server((_request, response) => {
      response.writeHead(200, { 'content-type': 'image/png' });
      const timer = setInterval(() => response.write('x'), 50);
      response.on('close', () => clearInterval(timer));
    });
    const quick = { allowInternal: true, timeoutMs: 400 };
    expect(await failure(quick, `${silent.origin}/menu.png`)).toEqual(refused);
    expect(await failure(quick, `${trickle.origin}/menu.png`)).toEqual(refused);
  });

  it('counts a slow name lookup against the same timeout', async () => {
    const resolve = () => new Promise<never>(() => {});
    expect(
      await failure({ allowInternal: true, timeoutMs: 200, resolve }, 'https://slow-dns.example/a.png'),
    ).toEqual(refused);
  });

  it('names the status of an answer that is not a file', async () => {
    const missing = await server((_request, response) => response.writeHead(404).end('nope'));
    expect(await failure(policy, `${missing.origin}/menu.png`)).toEqual({
      message: 'media.url: the server answered 404',
      field: 'media.url',
    });
  });
});
