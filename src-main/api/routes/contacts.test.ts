import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '../../../src-shared/messages.js';
import { startTestCore, type TestCore } from '../../../testkit/support/test-core.js';

type Page = { items: Contact[]; next: string | null };

/** The contact list and profile over REST, now adapters onto `contacts.list` / `contacts.profile`. */
describe('contacts over REST', () => {
  let app: TestCore;

  beforeAll(async () => {
    app = await startTestCore();
    await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'shop' } });
    const insert = app.core.db.$client.prepare(
      "INSERT INTO contacts (session_id, jid, phone, name) VALUES ('shop', ?, ?, ?)",
    );
    for (const [phone, name] of [
      ['972501110001', 'Avi'],
      ['972501110002', 'Dana'],
      ['972501110003', 'Eli'],
    ]) {
      insert.run(`${phone}@s.whatsapp.net`, phone, name);
    }
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('pages by JID: a full page names the next cursor, the last page none', async () => {
    const first = (await (await app.request('/api/v1/sessions/shop/contacts?limit=2')).json()) as Page;
    expect(first.items.map((contact) => contact.name)).toEqual(['Avi', 'Dana']);
    expect(first.next).toBe('972501110002@s.whatsapp.net');
    const second = (await (
      await app.request(`/api/v1/sessions/shop/contacts?limit=2&cursor=${encodeURIComponent(first.next!)}`)
    ).json()) as Page;
    expect(second).toMatchObject({ items: [{ name: 'Eli' }], next: null });
  });

  it('answers 404 naming the field for an unknown contact or number, 400 for a bad limit', async () => {
    const unknown = await app.request('/api/v1/sessions/shop/contacts/972509999999');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { field?: string } }).error.field).toBe('jid');
    expect((await app.request('/api/v1/sessions/nobody/contacts')).status).toBe(404);
    const badLimit = await app.request('/api/v1/sessions/shop/contacts?limit=0');
    expect(badLimit.status).toBe(400);
  });
});
