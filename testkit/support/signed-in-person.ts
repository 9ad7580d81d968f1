import type { UserRole, UserWithCode } from '../../src-shared/contract/people.js';
import type { TestCore } from './test-core.js';

export const TEST_PASSWORD = 'correct horse 1';

/** A person created with the admin key and signed in by browser: their id and what their requests carry. */
export interface SignedInPerson {
  id: string;
  /** `app.request` options of a request as this person (cookie and CSRF token, no key). */
  as(init?: { method?: string; json?: unknown }): {
    method?: string;
    json?: unknown;
    key: null;
    headers: Record<string, string>;
  };
}

export async function signedInPerson(
  app: TestCore,
  name: string,
  role: UserRole = 'agent',
): Promise<SignedInPerson> {
  const login = name.toLowerCase();
  const created = await app.request('/api/v1/users', {
    method: 'POST',
    json: { name, login, role, password: TEST_PASSWORD },
  });
  if (created.status !== 201) throw new Error(`creating ${name}: ${created.status} ${await created.text()}`);
  const id = ((await created.json()) as UserWithCode).user.id;
  const signIn = await app.request('/api/v1/auth/signin', {
    method: 'POST',
    key: null,
    json: { login, password: TEST_PASSWORD },
  });
  if (signIn.status !== 200) throw new Error(`signing in ${name}: ${signIn.status}`);
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const csrf = ((await signIn.json()) as { csrfToken: string }).csrfToken;
  return {
    id,
    as: (init = {}) => ({ ...init, key: null, headers: { cookie, 'x-csrf-token': csrf } }),
  };
}
