import { describe, expect, it } from 'vitest';
import { useCleanups } from '../../testkit/support/cleanups.js';
import { startTestCore, type TestCore } from '../../testkit/support/test-core.js';

/**
 * Inputs the audit's fuzzer turned into 500s: each must be a 4xx naming the field (or simply
 * work), and the app must go on answering.
 */
const cleanup = useCleanups();

async function started(): Promise<TestCore> {
  const app = await startTestCore();
  cleanup(() => app.stop());
  // An unlinked session is enough: nothing here talks to WhatsApp.
  expect((await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'shop' } })).status).toBe(201);
  return app;
}

async function answer(
  response: Response,
): Promise<{ status: number; error?: { code: string; field?: string } }> {
  const body = (await response.json()) as { error?: { code: string; field?: string } };
  return body.error
    ? { status: response.status, error: { code: body.error.code, field: body.error.field } }
    : { status: response.status };
}

const invalid = (field: string) => ({ status: 400, error: { code: 'VALIDATION_FAILED', field } });

describe('path parameters are decoded once', () => {
  it('answers a chat id with a broken %-escape with a 400 naming the chat', async () => {
    const app = await started();
    expect(await answer(await app.request('/api/v1/sessions/shop/chats/%25zz/messages'))).toEqual(
      invalid('chat'),
    );
    expect(await answer(await app.request('/api/v1/sessions/shop/chats/%25zz'))).toEqual(invalid('chat'));
    // The conversation export decoded its chat a second time: a 500 the fuzz test found.
    expect(await answer(await app.request('/api/v1/sessions/shop/chats/%25zz/export'))).toEqual(
      invalid('chat'),
    );
    // %2540 decoded twice was "@": now it is the text "%40", not a JID.
    expect(
      await answer(await app.request('/api/v1/sessions/shop/chats/972502220000%2540s.whatsapp.net')),
    ).toEqual(invalid('chat'));
  });

  it('still takes JIDs with @ (raw or escaped) and phone numbers with +', async () => {
    const app = await started();
    for (const chat of [
      '972502220000@s.whatsapp.net',
      '972502220000%40s.whatsapp.net',
      '%2B972502220000',
      '+972502220000',
    ]) {
      const response = await app.request(`/api/v1/sessions/shop/chats/${chat}/messages`);
      expect(response.status, chat).toBe(200);
      expect(await response.json(), chat).toEqual({ items: [], next: null });
    }
  });
});

describe('ill-formed Unicode is refused before it is stored', () => {
  it('refuses a tag name with a lone surrogate (twice was a UNIQUE-constraint 500)', async () => {
    const app = await started();
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const response = await app.request('/api/v1/tags', {
        method: 'POST',
        json: { name: '\ud800', color: '#1a7f5a' },
      });
      expect(await answer(response)).toEqual(invalid('name'));
    }
    // JSON.stringify writes the lone surrogate as \ud800; it must arrive as such, not as U+FFFD.
    const escaped = await app.request('/api/v1/tags', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":"VIP \\udc00","color":"#1a7f5a"}',
    });
    expect(await answer(escaped)).toEqual(invalid('name'));
    expect(await (await app.request('/api/v1/tags')).json()).toMatchObject({ items: [] });
  });

  it('names a lone surrogate wherever it is, keys included', async () => {
    const app = await started();
    const nested = await app.request('/api/v1/sessions/shop/chats/972502220000@s.whatsapp.net/tags/tag_x', {
      method: 'PUT',
      json: { extra: { rule: ['ok', 'bad \udfff'] } },
    });
    expect(await answer(nested)).toEqual(invalid('extra.rule.1'));
    const key = await app.request('/api/v1/sessions/shop/chats/972502220000@s.whatsapp.net/tags/tag_x', {
      method: 'PUT',
      json: { extra: { '\ud83d': 1 } },
    });
    expect(await answer(key)).toEqual(invalid('extra.\ud83d'));
    // A proper pair (an emoji) is fine.
    const emoji = await app.request('/api/v1/tags', {
      method: 'POST',
      json: { name: 'VIP 😀', color: '#1a7f5a' },
    });
    expect(emoji.status).toBe(201);
  });

  it('keeps the tag names check and the unique index in agreement (a clash only the index sees is a 409)', async () => {
    const app = await started();
    const { tags } = app.core.services.organize;
    // Called directly (as if the input check were missing): the name read back is not the name
    // written, so only the index sees the clash.
    tags.create({ name: '\ud800', color: '#1a7f5a' });
    expect(() => tags.create({ name: '\ud800', color: '#1a7f5a' })).toThrowError(
      expect.objectContaining({ code: 'CONFLICT', field: 'name' }),
    );
  });

  it('refuses it over /rpc too', async () => {
    const app = await started();
    const response = await app.request('/rpc/tags.create', {
      method: 'POST',
      json: { name: 'x\ud800', color: '#1a7f5a' },
    });
    expect(await answer(response)).toEqual(invalid('name'));
  });
});

describe('search', () => {
  it.each(['%00', 'a%00b', '%01%1F%7F', '%22%00%22', '%00*'])(
    'answers q=%s without a database error',
    async (q) => {
      const app = await started();
      const response = await app.request(`/api/v1/search?q=${q}`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ items: [] });
    },
  );
});

describe('deep nesting', () => {
  const nested = (depth: number): unknown => {
    let value: unknown = 'leaf';
    for (let level = 0; level < depth; level += 1) value = { a: value };
    return value;
  };

  it('answers a tag extra nested 20,000 levels with a 400 naming extra', async () => {
    const app = await started();
    const response = await app.request('/api/v1/sessions/shop/chats/972502220000@s.whatsapp.net/tags/tag_x', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      // Written by hand: JSON.stringify itself overflows at this depth.
      body: `{"extra":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}`,
    });
    expect(await answer(response)).toEqual(invalid('extra'));
    expect((await app.request('/api/v1/health', { key: null })).status).toBe(200);
  });

  it('refuses any JSON body nested deeper than 64 levels and takes 60', async () => {
    const app = await started();
    const deep = await app.request('/api/v1/sessions/shop/chats/972502220000@s.whatsapp.net/tags/tag_x', {
      method: 'PUT',
      json: { extra: nested(70) },
    });
    expect(await answer(deep)).toEqual(invalid('extra'));
    const fine = await app.request('/api/v1/sessions/shop/chats/972502220000@s.whatsapp.net/tags/tag_x', {
      method: 'PUT',
      json: { extra: nested(60) },
    });
    // Past validation: the tag does not exist.
    expect((await answer(fine)).status).toBe(404);
  });
});
