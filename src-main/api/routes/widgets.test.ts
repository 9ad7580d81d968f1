import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { appRoot } from '../../core/paths.js';
import { startTestCore, type TestCore } from '../../../testkit/support/test-core.js';

const WIDGET_SCRIPT = path.join(appRoot(), 'dist', 'widget', 'widget.js');

/** Unit tests run before `npm run build` in `npm test`; build the (small) widget script if missing. */
function ensureWidgetScript(): void {
  if (existsSync(WIDGET_SCRIPT)) return;
  const vite = path.join(appRoot(), 'node_modules', 'vite', 'bin', 'vite.js');
  execFileSync(
    process.execPath,
    [vite, 'build', '--config', 'vite.widget.config.ts', '--logLevel', 'error'],
    {
      cwd: appRoot(),
      stdio: 'ignore',
    },
  );
}

let app: TestCore;

function conditionalStatus(url: string, etag: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'if-none-match': etag } }, (response) => {
        response.resume();
        resolve(response.statusCode);
      })
      .on('error', reject);
  });
}

beforeAll(async () => {
  ensureWidgetScript();
  app = await startTestCore();
});

afterAll(async () => {
  await app.stop();
});

beforeEach(() => {
  app.core.db.$client.prepare('DELETE FROM widgets').run();
});

interface ErrorAnswer {
  error: { code: string; message: string; field?: string };
}
type Json = Record<string, unknown>;

const anna = {
  number: '+49 170 1234567',
  name: 'Anna',
  role: 'Sales',
  prefill: 'Hallo & willkommen?',
  hours: { MO: [{ availableFrom: '09:00:00', availableUntil: '17:00:00' }] },
};
const valid = { businessName: 'Bäckerei Sonne', timeZone: 'Europe/Berlin', operators: [anna] };

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

async function create(body: unknown = valid): Promise<Json & { id: string }> {
  const response = await app.request('/api/v1/widgets', { method: 'POST', json: body });
  expect(response.status).toBe(201);
  return json(response);
}

function storedRows(): { id: string; settings: string; updated_at: string }[] {
  return app.core.db.$client.prepare('SELECT id, settings, updated_at FROM widgets ORDER BY id').all() as {
    id: string;
    settings: string;
    updated_at: string;
  }[];
}

describe('widget CRUD', () => {
  it('creates, lists, reads, replaces and deletes', async () => {
    const created = await create();
    expect(created).toMatchObject({
      id: expect.stringMatching(/^w_[0-9a-f]{16}$/),
      businessName: 'Bäckerei Sonne',
      color: '#25d366',
      position: 'right',
      active: true,
      operators: [{ number: '491701234567', name: 'Anna', role: 'Sales', active: true }],
    });

    const list = await json<{ items: Json[]; next: null }>(await app.request('/api/v1/widgets'));
    expect(list).toEqual({ items: [created], next: null });
    expect(await json(await app.request(`/api/v1/widgets/${created.id}`))).toEqual(created);

    const put = await app.request(`/api/v1/widgets/${created.id}`, {
      method: 'PUT',
      json: { ...valid, color: '#AA0000', position: 'left', operators: [] },
    });
    expect(put.status).toBe(200);
    const replaced = await json<Json>(put);
    expect(replaced).toMatchObject({ id: created.id, color: '#aa0000', position: 'left', operators: [] });
    expect(await json(await app.request(`/api/v1/widgets/${created.id}`))).toEqual(replaced);

    const deleted = await app.request(`/api/v1/widgets/${created.id}`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    const gone = await app.request(`/api/v1/widgets/${created.id}`);
    expect(gone.status).toBe(404);
    expect((await json<ErrorAnswer>(gone)).error).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining(created.id),
    });
    expect(storedRows()).toEqual([]);
  });

  it('answers 404 naming the id for PUT and DELETE of an unknown widget', async () => {
    for (const method of ['PUT', 'DELETE']) {
      const response = await app.request('/api/v1/widgets/w_nope', { method, json: valid });
      expect(response.status).toBe(404);
      expect((await json<ErrorAnswer>(response)).error.message).toContain('w_nope');
    }
    expect(storedRows()).toEqual([]);
  });

  it('keeps Hebrew, Arabic and emoji intact end to end', async () => {
    const texts = {
      businessName: 'מאפיית השמש 🌞',
      widgetMessage: 'مرحبا! كيف يمكننا مساعدتك؟ 👋',
      buttonMessage: 'דברו איתנו 💬',
    };
    const created = await create({
      ...valid,
      ...texts,
      operators: [{ ...anna, name: 'نور الهدى', role: 'מכירות', prefill: 'שלום, יש לי שאלה 🙂' }],
    });
    const read = await json<Json>(await app.request(`/api/v1/widgets/${created.id}`));
    expect(read).toMatchObject({
      ...texts,
      operators: [{ name: 'نور الهدى', prefill: 'שלום, יש לי שאלה 🙂' }],
    });
    const publicView = await json<Json>(
      await app.request(`/api/v1/public/widgets/${created.id}`, { key: null }),
    );
    expect(publicView).toMatchObject({ ...texts, operators: [{ name: 'نور الهدى', role: 'מכירות' }] });
    expect(storedRows()[0]?.settings).toContain('מאפיית השמש 🌞');
  });

  it('needs a key for every owner route', async () => {
    const { id } = await create();
    const attempts: [string, string][] = [
      ['GET', '/api/v1/widgets'],
      ['POST', '/api/v1/widgets'],
      ['GET', `/api/v1/widgets/${id}`],
      ['PUT', `/api/v1/widgets/${id}`],
      ['DELETE', `/api/v1/widgets/${id}`],
      ['GET', `/api/v1/widgets/${id}/snippets`],
    ];
    for (const [method, pathname] of attempts) {
      const init = method === 'GET' || method === 'DELETE' ? { method } : { method, json: valid };
      const response = await app.request(pathname, { ...init, key: null });
      expect(response.status, `${method} ${pathname}`).toBe(401);
      // Owner routes are not opened to other websites.
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    }
    expect(storedRows().map((row) => row.id)).toEqual([id]);
  });
});

const operator = (patch: Json): Json => ({ ...valid, operators: [{ ...anna, ...patch }] });
const hours = (value: unknown): Json => operator({ hours: value });
const range = (patch: Json): Json =>
  hours({ MO: [{ availableFrom: '09:00:00', availableUntil: '17:00:00', ...patch }] });
const without = (key: string, from: Json): Json =>
  Object.fromEntries(Object.entries(from).filter(([k]) => k !== key));
const goodRange = { availableFrom: '09:00:00', availableUntil: '10:00:00' };

/** [what, body, field, rule]: every documented rule, each broken once. */
const BAD_VALUES: [string, unknown, string, string][] = [
  ['businessName missing', without('businessName', valid), 'businessName', 'is required'],
  ['businessName empty', { ...valid, businessName: '' }, 'businessName', 'must be 1 to 100 characters'],
  ['businessName blank', { ...valid, businessName: '   ' }, 'businessName', 'must be 1 to 100 characters'],
  [
    'businessName too long',
    { ...valid, businessName: 'x'.repeat(101) },
    'businessName',
    'must be 1 to 100 characters',
  ],
  ['businessName a number', { ...valid, businessName: 42 }, 'businessName', 'must be 1 to 100 characters'],
  ['timeZone missing', without('timeZone', valid), 'timeZone', 'is required'],
  ['timeZone unknown', { ...valid, timeZone: 'Mars/Olympus' }, 'timeZone', 'must be a valid IANA time zone'],
  ['timeZone empty', { ...valid, timeZone: '' }, 'timeZone', 'must be a valid IANA time zone'],
  ['timeZone an offset', { ...valid, timeZone: 'GMT+25' }, 'timeZone', 'must be a valid IANA time zone'],
  ['active a string', { ...valid, active: 'yes' }, 'active', 'must be true or false'],
  ['color a name', { ...valid, color: 'red' }, 'color', 'must be #rrggbb'],
  ['color short hex', { ...valid, color: '#abc' }, 'color', 'must be #rrggbb'],
  ['color non-hex digit', { ...valid, color: '#12345g' }, 'color', 'must be #rrggbb'],
  ['color without #', { ...valid, color: '112233' }, 'color', 'must be #rrggbb'],
  ['color with alpha', { ...valid, color: '#11223344' }, 'color', 'must be #rrggbb'],
  ['color a number', { ...valid, color: 0x112233 }, 'color', 'must be #rrggbb'],
  ['textColor a name', { ...valid, textColor: 'white' }, 'textColor', 'must be #rrggbb'],
  ['position top', { ...valid, position: 'top' }, 'position', 'must be right or left'],
  ['position upper case', { ...valid, position: 'LEFT' }, 'position', 'must be right or left'],
  ['openByDefault a number', { ...valid, openByDefault: 1 }, 'openByDefault', 'must be true or false'],
  ['buttonMessage 1 char', { ...valid, buttonMessage: 'x' }, 'buttonMessage', 'must be 2 to 255 characters'],
  [
    'buttonMessage 1 char padded',
    { ...valid, buttonMessage: '  x  ' },
    'buttonMessage',
    'must be 2 to 255 characters',
  ],
  [
    'buttonMessage 256 chars',
    { ...valid, buttonMessage: 'x'.repeat(256) },
    'buttonMessage',
    'must be 2 to 255 characters',
  ],
  ['widgetMessage 1 char', { ...valid, widgetMessage: 'x' }, 'widgetMessage', 'must be 2 to 255 characters'],
  [
    'widgetMessage 256 chars',
    { ...valid, widgetMessage: 'x'.repeat(256) },
    'widgetMessage',
    'must be 2 to 255 characters',
  ],
  ['widgetMessage null', { ...valid, widgetMessage: null }, 'widgetMessage', 'must be 2 to 255 characters'],
  ['iconUrl http', { ...valid, iconUrl: 'http://cdn.example.com/a.png' }, 'iconUrl', 'must be an https URL'],
  ['iconUrl javascript:', { ...valid, iconUrl: 'javascript:alert(1)' }, 'iconUrl', 'must be an https URL'],
  ['iconUrl data:', { ...valid, iconUrl: 'data:image/png;base64,AAAA' }, 'iconUrl', 'must be an https URL'],
  ['iconUrl not a URL', { ...valid, iconUrl: 'logo.png' }, 'iconUrl', 'must be an https URL'],
  [
    'iconUrl too long',
    { ...valid, iconUrl: `https://a.example/${'x'.repeat(2040)}` },
    'iconUrl',
    'must be an https URL',
  ],
  ['unknown key', { ...valid, colour: '#ffffff' }, 'colour', 'is not a known field'],
  ['id in the body', { ...valid, id: 'w_mine' }, 'id', 'is not a known field'],
  ['operators an object', { ...valid, operators: {} }, 'operators', 'must be a list of at most 50 operators'],
  [
    '51 operators',
    { ...valid, operators: Array.from({ length: 51 }, () => anna) },
    'operators',
    'must be a list of at most 50 operators',
  ],
  ['operator a string', { ...valid, operators: ['Anna'] }, 'operators.0', 'must be an object'],
  [
    'operator number missing',
    { ...valid, operators: [without('number', anna)] },
    'operators.0.number',
    'is required',
  ],
  [
    'operator number too short',
    operator({ number: '12345' }),
    'operators.0.number',
    'must be a phone number in international format',
  ],
  [
    'operator number too long',
    operator({ number: '+1234567890123456' }),
    'operators.0.number',
    'must be a phone number in international format',
  ],
  [
    'operator number national',
    operator({ number: '0170 1234567' }),
    'operators.0.number',
    'must be a phone number in international format',
  ],
  [
    'operator number letters',
    operator({ number: '+49 170 123456x' }),
    'operators.0.number',
    'must be a phone number in international format',
  ],
  [
    'operator number dots',
    operator({ number: '+49.170.1234567' }),
    'operators.0.number',
    'must be a phone number in international format',
  ],
  [
    'operator number a number',
    operator({ number: 491701234567 }),
    'operators.0.number',
    'must be a phone number in international format',
  ],
  [
    'second operator bad',
    { ...valid, operators: [anna, { ...anna, number: '1' }] },
    'operators.1.number',
    'must be a phone number in international format',
  ],
  [
    'operator name missing',
    { ...valid, operators: [without('name', anna)] },
    'operators.0.name',
    'is required',
  ],
  ['operator name empty', operator({ name: '' }), 'operators.0.name', 'must be 1 to 100 characters'],
  [
    'operator name too long',
    operator({ name: 'n'.repeat(101) }),
    'operators.0.name',
    'must be 1 to 100 characters',
  ],
  [
    'operator role too long',
    operator({ role: 'r'.repeat(101) }),
    'operators.0.role',
    'must be at most 100 characters',
  ],
  ['operator role a number', operator({ role: 7 }), 'operators.0.role', 'must be at most 100 characters'],
  [
    'operator iconUrl http',
    operator({ iconUrl: 'http://cdn.example.com/anna.png' }),
    'operators.0.iconUrl',
    'must be an https URL',
  ],
  [
    'operator prefill too long',
    operator({ prefill: 'p'.repeat(1001) }),
    'operators.0.prefill',
    'must be at most 1000 characters',
  ],
  ['operator active a string', operator({ active: 'no' }), 'operators.0.active', 'must be true or false'],
  ['operator unknown key', operator({ phone: '123' }), 'operators.0.phone', 'is not a known field'],
  ['hours a list', hours([]), 'operators.0.hours', 'must be an object'],
  ['hours unknown day', hours({ MON: [] }), 'operators.0.hours.MON', 'is not a known field'],
  [
    'day not a list',
    hours({ MO: goodRange }),
    'operators.0.hours.MO',
    'must be a list of at most 12 time ranges',
  ],
  [
    '13 ranges a day',
    hours({ SU: Array.from({ length: 13 }, () => goodRange) }),
    'operators.0.hours.SU',
    'must be a list of at most 12 time ranges',
  ],
  ['range a string', hours({ TU: ['09:00-17:00'] }), 'operators.0.hours.TU.0', 'must be an object'],
  ['range unknown key', range({ note: 'lunch' }), 'operators.0.hours.MO.0.note', 'is not a known field'],
  [
    'availableFrom missing',
    hours({ MO: [{ availableUntil: '17:00:00' }] }),
    'operators.0.hours.MO.0.availableFrom',
    'is required',
  ],
  [
    'availableFrom without seconds',
    range({ availableFrom: '09:00' }),
    'operators.0.hours.MO.0.availableFrom',
    'must be HH:MM:SS',
  ],
  [
    'availableFrom one hour digit',
    range({ availableFrom: '9:00:00' }),
    'operators.0.hours.MO.0.availableFrom',
    'must be HH:MM:SS',
  ],
  [
    'availableFrom with fraction',
    range({ availableFrom: '09:00:00.000' }),
    'operators.0.hours.MO.0.availableFrom',
    'must be HH:MM:SS',
  ],
  [
    'availableUntil missing',
    hours({ MO: [{ availableFrom: '09:00:00' }] }),
    'operators.0.hours.MO.0.availableUntil',
    'is required',
  ],
  [
    'availableUntil 24:00:00',
    range({ availableUntil: '24:00:00' }),
    'operators.0.hours.MO.0.availableUntil',
    'must be HH:MM:SS',
  ],
  [
    'availableUntil minute 60',
    range({ availableUntil: '23:60:00' }),
    'operators.0.hours.MO.0.availableUntil',
    'must be HH:MM:SS',
  ],
  [
    'availableUntil second 60',
    range({ availableUntil: '23:59:60' }),
    'operators.0.hours.MO.0.availableUntil',
    'must be HH:MM:SS',
  ],
  [
    'availableUntil equals availableFrom',
    range({ availableUntil: '09:00:00' }),
    'operators.0.hours.MO.0.availableUntil',
    'must differ from availableFrom',
  ],
  [
    'second range bad',
    hours({ FR: [goodRange, { availableFrom: '22:00:00', availableUntil: '2:00:00' }] }),
    'operators.0.hours.FR.1.availableUntil',
    'must be HH:MM:SS',
  ],
];

describe('widget validation', () => {
  it.each(BAD_VALUES)('POST rejects %s → 400 naming %s, saves nothing', async (_what, body, field, rule) => {
    const response = await app.request('/api/v1/widgets', { method: 'POST', json: body });
    expect(response.status).toBe(400);
    expect((await json<ErrorAnswer>(response)).error).toEqual({
      code: 'VALIDATION_FAILED',
      message: `${field}: ${rule}`,
      field,
    });
    expect(storedRows()).toEqual([]);
  });

  it.each(BAD_VALUES)('PUT rejects %s → 400 naming %s, changes nothing', async (_what, body, field, rule) => {
    const { id } = await create();
    const before = storedRows();
    const response = await app.request(`/api/v1/widgets/${id}`, { method: 'PUT', json: body });
    expect(response.status).toBe(400);
    expect((await json<ErrorAnswer>(response)).error).toEqual({
      code: 'VALIDATION_FAILED',
      message: `${field}: ${rule}`,
      field,
    });
    expect(storedRows()).toEqual(before);
  });

  it('rejects a body that is not an object, and malformed JSON', async () => {
    const notObject = await app.request('/api/v1/widgets', { method: 'POST', json: 'nope' });
    expect(notObject.status).toBe(400);
    expect((await json<ErrorAnswer>(notObject)).error).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'must be an object',
    });
    const malformed = await app.request('/api/v1/widgets', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"businessName": ',
    });
    expect(malformed.status).toBe(400);
    expect((await json<ErrorAnswer>(malformed)).error.field).toBe('body');
    expect(storedRows()).toEqual([]);
  });

  it('accepts the edge values the rules allow', async () => {
    const created = await create({
      ...valid,
      businessName: 'b'.repeat(100),
      buttonMessage: 'ok',
      widgetMessage: 'w'.repeat(255),
      color: '#ABCDEF',
      iconUrl: 'https://cdn.example.com/logo.png',
      operators: [
        {
          ...anna,
          number: '12345678',
          prefill: 'p'.repeat(1000),
          hours: {
            FR: [
              { availableFrom: '00:00:00', availableUntil: '23:59:59' },
              { availableFrom: '22:00:00', availableUntil: '02:00:00' },
            ],
            SU: Array.from({ length: 12 }, () => goodRange),
          },
        },
      ],
    });
    expect(created).toMatchObject({ color: '#abcdef', operators: [{ number: '12345678' }] });
  });
});

describe('public widget endpoint', () => {
  it('needs no key, is open to any origin and exposes only what the widget needs', async () => {
    const { id } = await create({
      ...valid,
      iconUrl: 'https://cdn.example.com/logo.png',
      operators: [anna, { number: '+1 555 0100 200', name: 'Off duty', active: false }],
    });
    const response = await app.request(`/api/v1/public/widgets/${id}`, {
      key: null,
      headers: { origin: 'https://shop.example.com' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const body = await json<Json & { operators: Json[] }>(response);
    expect(Object.keys(body).sort()).toEqual(
      [
        'id',
        'businessName',
        'timeZone',
        'color',
        'textColor',
        'position',
        'openByDefault',
        'buttonMessage',
        'widgetMessage',
        'iconUrl',
        'operators',
      ].sort(),
    );
    expect(body.operators).toEqual([
      {
        number: '491701234567',
        name: 'Anna',
        role: 'Sales',
        prefill: 'Hallo & willkommen?',
        hours: anna.hours,
      },
    ]);
  });

  it('answers 404 (still with CORS) for unknown and inactive widgets', async () => {
    const { id } = await create({ ...valid, active: false });
    for (const target of ['w_unknown', id]) {
      const response = await app.request(`/api/v1/public/widgets/${target}`, { key: null });
      expect(response.status).toBe(404);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect((await json<ErrorAnswer>(response)).error.code).toBe('NOT_FOUND');
    }
  });

  it('answers the CORS preflight', async () => {
    const response = await app.request('/api/v1/public/widgets/w_any', {
      method: 'OPTIONS',
      key: null,
      headers: { origin: 'https://shop.example.com', 'access-control-request-method': 'GET' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toContain('GET');
  });
});

describe('widget script and test page', () => {
  it('serves /widget.js as JavaScript to any origin, with a short cache and an ETag', async () => {
    const response = await app.request('/widget.js', { key: null });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(await response.text()).toBe(readFileSync(WIDGET_SCRIPT, 'utf8'));
    const etag = response.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    // fetch() adds `Cache-Control: no-cache` to conditional requests, so ask like a browser cache would.
    expect(await conditionalStatus(`${app.url}/widget.js`, etag)).toBe(304);
    const preflight = await app.request('/widget.js', { method: 'OPTIONS', key: null });
    expect(preflight.status).toBe(204);
  });

  it('serves a test page embedding the hosted snippet, and 404 for unknown widgets', async () => {
    const { id } = await create({ ...valid, businessName: 'Sonne <b>&</b>' });
    const response = await app.request(`/widget-test/${id}`, { key: null });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await response.text();
    expect(html).toContain(`<script defer data-widget="${id}" src="${app.url}/widget.js"></script>`);
    expect(html).toContain('Sonne &lt;b&gt;&amp;&lt;/b&gt;');
    const missing = await app.request('/widget-test/w_missing', { key: null });
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toContain('data-widget');
  });

  it('gives both snippets; the hosted one points at the address the request used', async () => {
    const { id } = await create();
    const response = await app.request(`/api/v1/widgets/${id}/snippets`);
    expect(response.status).toBe(200);
    const snippets = await json<{ hosted: string; selfContained: string }>(response);
    expect(snippets.hosted).toBe(`<script defer data-widget="${id}" src="${app.url}/widget.js"></script>`);
    expect(snippets.selfContained).toContain('window.ChatdockWidgetConfig = {');
    expect(snippets.selfContained).toContain('"businessName":"Bäckerei Sonne"');
    expect(snippets.selfContained).not.toContain(app.url);
    expect(snippets.selfContained.length).toBeGreaterThan(readFileSync(WIDGET_SCRIPT, 'utf8').length);
  });
});

describe('widget snippets behind a reverse proxy (CHATDOCK_PUBLIC_URL)', () => {
  it('point at the public address, over REST and over the RPC the editor uses', async () => {
    const proxied = await startTestCore({ CHATDOCK_PUBLIC_URL: 'https://chat.example.com/shop/' });
    try {
      const created = await proxied.request('/api/v1/widgets', { method: 'POST', json: valid });
      const { id } = await json<{ id: string }>(created);
      const hosted = `<script defer data-widget="${id}" src="https://chat.example.com/shop/widget.js"></script>`;
      const rest = await json<{ hosted: string; selfContained: string }>(
        await proxied.request(`/api/v1/widgets/${id}/snippets`),
      );
      expect(rest.hosted).toBe(hosted);
      expect(rest.hosted).not.toContain(proxied.url);
      const rpc = await json<{ result: { hosted: string } }>(
        await proxied.request('/rpc/widgets.snippets', { method: 'POST', json: { id } }),
      );
      expect(rpc.result.hosted).toBe(hosted);
    } finally {
      await proxied.stop();
    }
  });
});

describe('widgets over RPC and in the OpenAPI document', () => {
  it('creates and reports field errors over the RPC bridge', async () => {
    const bad = await app.request('/rpc/widgets.create', {
      method: 'POST',
      json: { ...valid, color: 'red' },
    });
    expect(bad.status).toBe(400);
    expect((await json<ErrorAnswer>(bad)).error).toMatchObject({
      field: 'color',
      message: 'color: must be #rrggbb',
    });
    expect(storedRows()).toEqual([]);

    const created = await json<{ result: { id: string } }>(
      await app.request('/rpc/widgets.create', { method: 'POST', json: valid }),
    );
    const { id } = created.result;
    const updated = await app.request('/rpc/widgets.update', {
      method: 'POST',
      json: { id, ...valid, position: 'left' },
    });
    expect(((await json<{ result: Json }>(updated)).result as Json).position).toBe('left');
    const snippets = await json<{ result: { hosted: string } }>(
      await app.request('/rpc/widgets.snippets', { method: 'POST', json: { id } }),
    );
    expect(snippets.result.hosted).toContain(`src="${app.url}/widget.js"`);
    const deleted = await app.request('/rpc/widgets.delete', { method: 'POST', json: { id } });
    expect(deleted.status).toBe(200);
    expect(storedRows()).toEqual([]);
  });

  it('documents the widget routes', async () => {
    const document = await json<{
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Json };
    }>(await app.request('/api/v1/openapi.json', { key: null }));
    expect(Object.keys(document.paths['/api/v1/widgets'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(document.paths['/api/v1/widgets/{id}'] ?? {}).sort()).toEqual([
      'delete',
      'get',
      'put',
    ]);
    expect(document.paths['/api/v1/widgets/{id}/snippets']?.get).toBeDefined();
    expect(document.paths['/api/v1/public/widgets/{id}']?.get).toMatchObject({ security: [] });
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining(['WidgetSettings', 'Widget', 'WidgetList', 'PublicWidget', 'WidgetSnippets']),
    );
    const result = await new Validator().validate(document as never);
    expect(result.errors ?? []).toEqual([]);
  });
});
