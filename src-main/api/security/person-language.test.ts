import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Me, UserWithCode } from '../../../src-shared/contract/people.js';
import { startTestCore, type TestCore } from '../../../testkit/support/test-core.js';

const PASSWORD = 'correct horse 1';

/**
 * A person's UI language is kept with their profile (issue #21, asked for by #15): set from one
 * browser, every other browser they sign in on reads it from `GET /users/me`.
 */
describe("a person's language", () => {
  let app: TestCore;

  /** Signs in as a new browser: its cookie and CSRF token. */
  async function browser(login: string) {
    const response = await app.request('/api/v1/auth/signin', {
      method: 'POST',
      key: null,
      json: { login, password: PASSWORD },
    });
    expect(response.status).toBe(200);
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    return (path: string, init: { method?: string; json?: unknown } = {}) =>
      app.request(path, { ...init, key: null, headers: { cookie, 'x-csrf-token': csrfToken } });
  }

  beforeAll(async () => {
    app = await startTestCore();
    const made = await app.request('/api/v1/users', {
      method: 'POST',
      json: { name: 'Dana', login: 'dana', role: 'agent', password: PASSWORD },
    });
    expect(((await made.json()) as UserWithCode).user.language).toBeNull();
  });
  afterAll(() => app.stop());

  it('is saved from one browser and read by the next one the person signs in on', async () => {
    const laptop = await browser('dana');
    const saved = await laptop('/api/v1/users/me/language', { method: 'PUT', json: { language: 'he' } });
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as { language: string }).language).toBe('he');

    const phone = await browser('dana');
    const me = (await (await phone('/api/v1/users/me')).json()) as Me;
    expect(me.user?.language).toBe('he');

    // Back to "follow the browser".
    expect(
      (await phone('/api/v1/users/me/language', { method: 'PUT', json: { language: null } })).status,
    ).toBe(200);
    expect(((await (await laptop('/api/v1/users/me')).json()) as Me).user?.language).toBeNull();
  });

  it('refuses what is not a language tag, naming the field, and changes nothing', async () => {
    const laptop = await browser('dana');
    await laptop('/api/v1/users/me/language', { method: 'PUT', json: { language: 'pt-BR' } });
    for (const language of ['Hebrew please', '', 'x'.repeat(30), 42]) {
      const refused = await laptop('/api/v1/users/me/language', { method: 'PUT', json: { language } });
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { error: { field: string } }).error.field).toBe('language');
    }
    expect(((await (await laptop('/api/v1/users/me')).json()) as Me).user?.language).toBe('pt-BR');
  });

  it('belongs to people only: the admin key keeps its local setting', async () => {
    const byKey = await app.request('/api/v1/users/me/language', { method: 'PUT', json: { language: 'de' } });
    expect(byKey.status).toBe(403);
  });
});
