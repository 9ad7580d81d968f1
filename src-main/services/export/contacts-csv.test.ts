import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../../testkit/support/test-core.js';

let app: TestCore;

beforeAll(async () => {
  app = await startTestCore();
  await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'shop', name: 'Shop' } });
  const sqlite = app.core.db.$client;
  const contact = sqlite.prepare(
    `INSERT INTO contacts (session_id, jid, phone, name, notify) VALUES (?, ?, ?, ?, ?)`,
  );
  contact.run('shop', '972502220000@s.whatsapp.net', '972502220000', 'Dana Levi', null);
  contact.run('shop', '972503330000@s.whatsapp.net', '972503330000', null, '=HYPERLINK("http://x")');
  contact.run('shop', '120363000000@g.us', null, 'A group', null);
  sqlite
    .prepare(
      `INSERT INTO tags (id, name, color, created_at) VALUES ('t1', 'VIP', '#000000', 1), ('t2', 'Paid', '#000000', 2)`,
    )
    .run();
  sqlite
    .prepare(
      `INSERT INTO chat_tags (session_id, chat_jid, tag_id, added_by, added_at)
       VALUES ('shop', '972502220000@s.whatsapp.net', 't1', 'admin', 1), ('shop', '972502220000@s.whatsapp.net', 't2', 'admin', 2)`,
    )
    .run();
  sqlite
    .prepare(
      `INSERT INTO chat_notes (id, session_id, chat_jid, text, author, created_at, updated_at)
       VALUES ('n1', 'shop', '972502220000@s.whatsapp.net', 'Allergic to nuts, "no peanuts"', 'admin', 1, 1)`,
    )
    .run();
});

afterAll(async () => {
  await app?.stop();
});

describe('GET /api/v1/contacts/export', () => {
  it('is RFC 4180 CSV with name, phone, tags and notes; formulas are defused; groups left out', async () => {
    const response = await app.request('/api/v1/contacts/export?session=shop');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain('contacts-shop.csv');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8').split('\r\n')).toEqual([
      'session,name,phone,jid,tags,notes',
      // Sorted by name: "=" comes before letters.
      `shop,"'=HYPERLINK(""http://x"")",972503330000,972503330000@s.whatsapp.net,,`,
      'shop,Dana Levi,972502220000,972502220000@s.whatsapp.net,VIP; Paid,"Allergic to nuts, ""no peanuts"""',
      '',
    ]);
  });

  it('names an unknown session', async () => {
    const response = await app.request('/api/v1/contacts/export?session=nope');
    expect(response.status).toBe(404);
  });
});
