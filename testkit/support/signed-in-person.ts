import type { UserRole, UserWithCode } from '../../src-shared/contract/people.js';
import type { MessageRecord } from '../../src-main/wa/message-mapping.js';
import type { TestCore } from './test-core.js';

export const TEST_PASSWORD = 'correct horse 1';

/** A person of the test core, signed in the way the browser does (cookie + CSRF token). */
export interface SignedInPerson {
  id: string;
  /** `app.request` as this person: their cookie and CSRF token, no key. */
  request(pathname: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
}

/**
 * Creates a person (by the admin key) and signs them in: REST tests about what one person may
 * see or do use this instead of repeating the sign-in dance.
 */
export async function signedInPerson(
  app: TestCore,
  name: string,
  role: UserRole = 'agent',
  extra: Record<string, unknown> = {},
): Promise<SignedInPerson> {
  const login = name.toLowerCase();
  const created = await app.request('/api/v1/users', {
    method: 'POST',
    json: { name, login, role, password: TEST_PASSWORD, ...extra },
  });
  if (created.status !== 201) throw new Error(`creating ${name}: ${created.status} ${await created.text()}`);
  const id = ((await created.json()) as UserWithCode).user.id;
  const signIn = await app.request('/api/v1/auth/signin', {
    method: 'POST',
    key: null,
    json: { login, password: TEST_PASSWORD },
  });
  if (signIn.status !== 200) throw new Error(`signing ${name} in: ${signIn.status} ${await signIn.text()}`);
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const csrf = ((await signIn.json()) as { csrfToken: string }).csrfToken;
  return {
    id,
    request(pathname, init = {}) {
      const headers = new Headers(init.headers);
      headers.set('cookie', cookie);
      headers.set('x-csrf-token', csrf);
      return app.request(pathname, { ...init, key: null, headers });
    },
  };
}

/** A stored text message record as the WhatsApp layer hands it to the store. */
export function textRecord(
  chatJid: string,
  id: string,
  options: { fromMe?: boolean; text?: string; timestamp?: number } = {},
): MessageRecord {
  const fromMe = options.fromMe ?? false;
  return {
    chatJid,
    id,
    fromMe,
    senderJid: fromMe ? null : chatJid,
    senderName: null,
    type: 'text',
    text: options.text ?? `text ${id}`,
    media: null,
    content: null,
    quotedId: null,
    mentions: [],
    status: fromMe ? 'delivered' : 'server',
    timestamp: options.timestamp ?? Date.now(),
    forwarded: false,
    raw: Buffer.from('x'),
  };
}
