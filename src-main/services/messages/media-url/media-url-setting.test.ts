import { describe, expect, it } from 'vitest';
import { useCleanups } from '../../../../testkit/support/cleanups.js';
import { PNG_1PX } from '../../../../testkit/support/media-fixtures.js';
import { startMediaUrlServer } from '../../../../testkit/support/media-url-server.js';
import { startTestCore, type TestCore } from '../../../../testkit/support/test-core.js';
import { UNREACHABLE_MESSAGE } from './download.js';

const cleanup = useCleanups();

async function core(env: Record<string, string> = {}): Promise<TestCore> {
  const app = await startTestCore(env);
  cleanup(() => app.stop());
  return app;
}

/** Saves a reply whose media is `media`, then asks the core for its file (the composer's call). */
async function replyMedia(
  app: TestCore,
  media: Record<string, string>,
): Promise<{ status: number; body: unknown }> {
  const created = await app.request('/api/v1/saved-replies', {
    method: 'POST',
    json: { shortcut: `m${Date.now()}`, text: '', media },
  });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const answer = await app.request('/rpc/savedReplies.media', { method: 'POST', json: { id } });
  return { status: answer.status, body: await answer.json() };
}

describe('the media-URL policy of a running core', () => {
  it('refuses loopback targets by default, without connecting', async () => {
    const app = await core();
    const target = await startMediaUrlServer((_request, response) => response.writeHead(200).end(PNG_1PX));
    cleanup(() => target.close());
    expect(await replyMedia(app, { type: 'image', url: `${target.origin}/menu.png` })).toEqual({
      status: 400,
      body: { error: { code: 'VALIDATION_FAILED', message: UNREACHABLE_MESSAGE, field: 'media.url' } },
    });
    expect(target.requests).toEqual([]);
  });

  it('with CHATDOCK_MEDIA_URL_ALLOW_PRIVATE=1 fetches from this PC, but never follows a redirect to http://', async () => {
    const app = await core({ CHATDOCK_MEDIA_URL_ALLOW_PRIVATE: '1' });
    const inside = await startMediaUrlServer((_request, response) => response.writeHead(200).end(PNG_1PX), {
      plain: true,
    });
    cleanup(() => inside.close());
    const target = await startMediaUrlServer((request, response) => {
      if (request.url === '/redirect') response.writeHead(302, { location: `${inside.origin}/admin` }).end();
      else response.writeHead(200, { 'content-type': 'image/png' }).end(PNG_1PX);
    });
    cleanup(() => target.close());

    const file = await replyMedia(app, { type: 'image', url: `${target.origin}/menu.png` });
    expect(file).toEqual({
      status: 200,
      body: {
        result: {
          dataUrl: `data:image/png;base64,${PNG_1PX.toString('base64')}`,
          mimetype: 'image/png',
          fileName: 'menu.png',
        },
      },
    });
    expect(await replyMedia(app, { type: 'image', url: `${target.origin}/redirect` })).toEqual({
      status: 400,
      body: {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'media.url: must be an https:// URL, also after redirects',
          field: 'media.url',
        },
      },
    });
    expect(inside.requests).toEqual([]);
  });

  it('answers a data: URL with a broken %-escape with a 400 naming media.data', async () => {
    const app = await core();
    expect(await replyMedia(app, { type: 'document', data: 'data:text/plain,100%zz' })).toEqual({
      status: 400,
      body: {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'media.data: "%zz" is not a valid %-escape',
          field: 'media.data',
        },
      },
    });
    const good = await replyMedia(app, {
      type: 'document',
      data: 'data:text/plain,caf%C3%A9%FF',
      fileName: 'a.txt',
    });
    expect(good.status).toBe(200);
    const { dataUrl } = (good.body as { result: { dataUrl: string } }).result;
    expect(Buffer.from(dataUrl.split(',')[1]!, 'base64')).toEqual(
      Buffer.from([0x63, 0x61, 0x66, 0xc3, 0xa9, 0xff]),
    );
  });
});
