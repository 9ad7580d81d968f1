import { mutatedBody, truncatedMultipart, type FuzzBody } from './body-mutations.js';
import type { Operation } from './openapi-operations.js';
import { hugeString, NASTY_STRINGS } from './nasty-strings.js';
import { nastyParam, pathVariant } from './path-variants.js';
import type { Random } from '../support/random.js';

/** Which credentials a request carries. Only `valid` may ever get a 2xx from a keyed route. */
export type KeyKind = 'valid' | 'none' | 'wrong' | 'revoked' | 'malformed';

export interface FuzzCase {
  operation: Operation;
  keyKind: KeyKind;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** What makes this request odd, for the failure report. */
  note: string;
}

/** Values of the running fixture that path parameters are filled with. */
export interface FuzzFixture {
  adminKey: string;
  revokedKey: string;
  /** The linked session every request uses, except the ones in `DESTRUCTIVE`. */
  session: string;
  /** An unlinked session that destructive operations may delete or log out (made again after). */
  scratchSession: string;
  chatJid: string;
  messageId: string;
  tagId: string;
}

/**
 * Operations that would take the fixture down (delete, log out, disconnect the linked session, or
 * re-pair it): they act on the scratch session instead, which is made again when gone.
 */
export const DESTRUCTIVE = new Set([
  'DELETE /api/v1/sessions/{id}',
  'POST /api/v1/sessions/{id}/logout',
  'POST /api/v1/sessions/{id}/disconnect',
  'POST /api/v1/sessions/{id}/pairing-code',
]);

export const operationName = (operation: Operation) => `${operation.method} ${operation.path}`;

function paramValue(fixture: FuzzFixture, operation: Operation, name: string): string {
  const sessionId = DESTRUCTIVE.has(operationName(operation)) ? fixture.scratchSession : fixture.session;
  if (name === 'id' && operation.path.startsWith('/api/v1/sessions/{id}')) return sessionId;
  if (name === 'id' && operation.path.startsWith('/api/v1/tags/{id}')) return fixture.tagId;
  const known: Record<string, string> = {
    session: fixture.session,
    chat: encodeURIComponent(fixture.chatJid),
    jid: encodeURIComponent(fixture.chatJid),
    msgId: fixture.messageId,
    tagId: fixture.tagId,
    group: encodeURIComponent('120363000000000001@g.us'),
  };
  return known[name] ?? 'fuzz-missing';
}

function concretePath(fixture: FuzzFixture, operation: Operation, nasty?: { name: string; value: string }) {
  return operation.path.replace(/\{(\w+)\}/g, (_match, name: string) =>
    nasty?.name === name ? nasty.value : paramValue(fixture, operation, name),
  );
}

function keyHeaders(random: Random, fixture: FuzzFixture, kind: KeyKind): Record<string, string> {
  const key = {
    valid: fixture.adminKey,
    none: '',
    wrong: `cd_${'f'.repeat(43)}`,
    revoked: fixture.revokedKey,
    malformed: random.pick(['', ' ', 'Bearer', '\u0000', 'x'.repeat(8000), fixture.adminKey.toUpperCase()]),
  }[kind];
  if (kind === 'none') return {};
  if (kind === 'malformed') {
    return random.pick<Record<string, string>>([
      { authorization: `Basic ${Buffer.from(`admin:${fixture.adminKey}`).toString('base64')}` },
      { authorization: `Bearer ${key}`.replace(/[^\t\x20-\x7e\x80-\xff]/g, '') },
      // The scheme is case-insensitive and spaces around the key do not matter (RFC 9110), so
      // `bearer  <key> ` is a valid key; run into the scheme, it is not.
      { authorization: `Bearer${fixture.adminKey}` },
      { authorization: `Bearer ${fixture.adminKey.slice(0, -1)}` }, // one character short
      { 'x-api-key': `${fixture.adminKey},${fixture.adminKey}` },
      { token: key.replace(/[^\t\x20-\x7e\x80-\xff]/g, '') || 'x' },
    ]);
  }
  return random.pick<Record<string, string>>([
    { authorization: `Bearer ${key}` },
    { 'x-api-key': key },
    { token: key },
  ]);
}

function withBody(headers: Record<string, string>, body: FuzzBody | null) {
  if (!body) return { headers };
  return {
    headers: body.contentType ? { ...headers, 'content-type': body.contentType } : headers,
    body: body.body,
  };
}

const validBody = (operation: Operation): FuzzBody | null =>
  operation.jsonBody
    ? {
        contentType: 'application/json',
        body: JSON.stringify(operation.jsonBody.example),
        note: 'valid body',
      }
    : null;

/** `text` %-escaped; a lone surrogate (which encodeURIComponent refuses) as its WTF-8 bytes. */
function escapeText(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
}

function badQuery(random: Random, operation: Operation): { query: string; note: string } {
  const names = [...operation.queryParams.map((param) => param.name), 'fuzzUnknown', 'limit', 'cursor'];
  const name = random.pick(names);
  const value = random.pick([
    ...NASTY_STRINGS.map(escapeText).filter(Boolean),
    '%00',
    '%zz',
    '%ED%A0%80',
    '-1',
    '0',
    '1e400',
    '9'.repeat(30),
    'a&a=b&a=c',
    encodeURIComponent(hugeString(20_000)),
  ]);
  return { query: `?${name}=${value}`, note: `query ${name}=${value.slice(0, 40)}` };
}

/** One request of a random kind for `operation`. */
export function randomCase(random: Random, fixture: FuzzFixture, operation: Operation): FuzzCase {
  const kind = random.pick(['auth', 'path', 'body', 'query', 'param'] as const);
  const base = { operation, method: operation.method };
  if (kind === 'auth') return keylessCase(random, fixture, operation);
  if (kind === 'path') {
    const keyKind: KeyKind = random.chance(0.5)
      ? 'valid'
      : random.pick(['none', 'wrong', 'revoked'] as const);
    const variant = pathVariant(random, concretePath(fixture, operation));
    return {
      ...base,
      keyKind,
      path: variant.path,
      ...withBody(keyHeaders(random, fixture, keyKind), validBody(operation)),
      note: `path: ${variant.note}`,
    };
  }
  if (kind === 'body' && (operation.jsonBody || operation.multipart)) {
    const body = mutatedBody(random, operation.jsonBody?.example ?? {}, operation.multipart);
    return {
      ...base,
      keyKind: 'valid',
      path: concretePath(fixture, operation),
      ...withBody(keyHeaders(random, fixture, 'valid'), body),
      note: `body: ${body.note}`,
    };
  }
  if (kind === 'param' && operation.pathParams.length > 0) {
    const name = random.pick(operation.pathParams);
    const value = nastyParam(random);
    return {
      ...base,
      keyKind: 'valid',
      path: concretePath(fixture, operation, { name, value }),
      ...withBody(keyHeaders(random, fixture, 'valid'), validBody(operation)),
      note: `param ${name}=${value.slice(0, 40)}`,
    };
  }
  const query = badQuery(random, operation);
  return {
    ...base,
    keyKind: 'valid',
    path: concretePath(fixture, operation) + query.query,
    ...withBody(keyHeaders(random, fixture, 'valid'), validBody(operation)),
    note: query.note,
  };
}

/** The operation called as documented, but with no, a wrong, a revoked or a malformed key. */
export function keylessCase(random: Random, fixture: FuzzFixture, operation: Operation): FuzzCase {
  const keyKind = random.pick(['none', 'wrong', 'revoked', 'malformed'] as const);
  const headers = keyHeaders(random, fixture, keyKind);
  return {
    operation,
    method: operation.method,
    keyKind,
    path: concretePath(fixture, operation),
    ...withBody(headers, validBody(operation)),
    note: `key: ${keyKind}${keyKind === 'malformed' ? ` ${JSON.stringify(headers).slice(0, 80)}` : ''}`,
  };
}

/** A path variant of the operation without a valid key (the audit's `/API/v1/...`). */
export function keylessPathCase(random: Random, fixture: FuzzFixture, operation: Operation): FuzzCase {
  const keyKind = random.pick(['none', 'wrong', 'revoked'] as const);
  const variant = pathVariant(random, concretePath(fixture, operation));
  return {
    operation,
    method: operation.method,
    keyKind,
    path: variant.path,
    ...withBody(keyHeaders(random, fixture, keyKind), validBody(operation)),
    note: `key: ${keyKind}, path: ${variant.note}`,
  };
}

/** An upload whose form ends inside the file (the audit's process-killing request). */
function truncatedUpload(fixture: FuzzFixture, operation: Operation): FuzzCase {
  const body = truncatedMultipart();
  return {
    operation,
    method: operation.method,
    keyKind: 'valid',
    path: concretePath(fixture, operation),
    headers: { authorization: `Bearer ${fixture.adminKey}`, 'content-type': body.contentType ?? '' },
    body: body.body,
    note: body.note,
  };
}

/**
 * The run's requests: every operation once without a valid key and once on a path variant
 * without one, every upload once cut off, then `count` random requests of every kind.
 */
export function fuzzCases(
  random: Random,
  fixture: FuzzFixture,
  operations: Operation[],
  count: number,
): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const operation of operations) {
    cases.push(keylessCase(random, fixture, operation), keylessPathCase(random, fixture, operation));
    if (operation.multipart) cases.push(truncatedUpload(fixture, operation));
  }
  for (let index = 0; index < count; index += 1) {
    cases.push(randomCase(random, fixture, random.pick(operations)));
  }
  return cases;
}
