import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactsImportResult } from '../../../../src-shared/contract/contacts-import.js';
import type { CampaignPreview, CsvPreview } from '../../../../src-shared/contract/schedule.js';
import type { Chat } from '../../../../src-shared/messages.js';
import { startTestCore, type TestCore } from '../../../../testkit/support/test-core.js';

/**
 * A shop imports its customer list: names show in the inbox (for a chat that exists and one that
 * starts later), tags and notes land on the chats, tagged contacts are campaign recipients by
 * tag, and rows that are not phone numbers are reported, not imported.
 */
const DANA = '972501110001@s.whatsapp.net';
const AVI = '972501110002@s.whatsapp.net';
// Semicolons, as a spreadsheet in many locales saves; Avi twice (the later row wins); a bad phone.
const CSV = [
  'Mobile;Full name;Groups;Remarks',
  '+972 50-111-0001;Dana Cohen;VIP, wholesale;Pays on delivery',
  '00972501110002;Avi;;',
  '12;Nobody;vip;',
  '+972501110002;Avi Levi;vip;',
].join('\r\n');
let app: TestCore;

beforeAll(async () => {
  app = await startTestCore();
  expect(
    (await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'shop', name: 'Shop' } })).status,
  ).toBe(201);
  // Dana already wrote: her chat exists, with only her profile name.
  const sqlite = app.core.db.$client;
  sqlite
    .prepare("INSERT INTO chats (session_id, jid, kind, unread_count) VALUES ('shop', ?, 'user', 0)")
    .run(DANA);
  sqlite
    .prepare(
      "INSERT INTO contacts (session_id, jid, phone, notify) VALUES ('shop', ?, '972501110001', 'dana ☀')",
    )
    .run(DANA);
});

afterAll(async () => {
  await app?.stop();
});

async function post<T>(path: string, json: unknown): Promise<{ status: number; body: T }> {
  const response = await app.request(path, { method: 'POST', json });
  return { status: response.status, body: (await response.json()) as T };
}

async function chat(jid: string): Promise<Chat> {
  return (await (await app.request(`/api/v1/sessions/shop/chats/${jid}`)).json()) as Chat;
}

const mapping = {
  phoneColumn: 'Mobile',
  nameColumn: 'Full name',
  tagsColumn: 'Groups',
  notesColumn: 'Remarks',
};

describe('contacts CSV import', () => {
  it('previews the columns with the campaign reader and guesses the phone and name', async () => {
    const { status, body } = await post<CsvPreview>('/api/v1/contacts/import/preview', { csv: CSV });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      headers: ['Mobile', 'Full name', 'Groups', 'Remarks'],
      total: 4,
      phoneColumn: 'Mobile',
      nameColumn: 'Full name',
    });
  });

  it('a dry run answers what would happen and changes nothing', async () => {
    const { status, body } = await post<ContactsImportResult>('/api/v1/contacts/import', {
      session: 'shop',
      csv: CSV,
      ...mapping,
      dryRun: true,
    });
    expect(status).toBe(200);
    expect(body).toEqual({
      total: 4,
      created: 1,
      updated: 1,
      tagged: 3,
      notes: 1,
      invalid: [{ line: 4, input: '12', error: 'not a phone number in international format' }],
      dryRun: true,
    });
    expect((await chat(DANA)).name).toBe('dana ☀');
    expect(((await (await app.request('/api/v1/tags')).json()) as { items: unknown[] }).items).toEqual([]);
  });

  it('imports names, tags and notes; tagged contacts are campaign recipients', async () => {
    const { status, body } = await post<ContactsImportResult>('/api/v1/contacts/import', {
      session: 'shop',
      csv: CSV,
      ...mapping,
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ created: 1, updated: 1, tagged: 3, notes: 1, dryRun: false });

    // The inbox shows the imported names: Dana's existing chat, and Avi's (made for his tag).
    expect((await chat(DANA)).name).toBe('Dana Cohen');
    expect((await chat(AVI)).name).toBe('Avi Levi');
    const notes = (await (await app.request(`/api/v1/sessions/shop/chats/${DANA}/notes`)).json()) as {
      items: { text: string }[];
    };
    expect(notes.items.map((n) => n.text)).toEqual(['Pays on delivery']);

    // "VIP" and "vip" are one tag (created once); "wholesale" is the other.
    const tags = (
      (await (await app.request('/api/v1/tags')).json()) as { items: { id: string; name: string }[] }
    ).items;
    expect(tags.map((t) => t.name).sort()).toEqual(['VIP', 'wholesale']);
    const vip = tags.find((t) => t.name === 'VIP')!;
    const preview = await post<CampaignPreview>('/api/v1/campaigns/preview', {
      session: 'shop',
      template: 'Hello [name]',
      recipients: { source: 'tag', tagId: vip.id },
      limit: 10,
    });
    expect(preview.status).toBe(200);
    expect(preview.body.messages.map((m) => m.text).sort()).toEqual(['Hello Avi Levi', 'Hello Dana Cohen']);
  });

  it('refuses a mapping to a column the file does not have, and an unknown number, naming the field', async () => {
    const column = await post<{ error: { field: string } }>('/api/v1/contacts/import', {
      session: 'shop',
      csv: CSV,
      phoneColumn: 'Phone',
    });
    expect(column.status).toBe(400);
    expect(column.body.error.field).toBe('phoneColumn');
    const session = await post<{ error: { field: string } }>('/api/v1/contacts/import', {
      session: 'nobody',
      csv: CSV,
      phoneColumn: 'Mobile',
    });
    expect(session.status).toBe(404);
    expect(session.body.error.field).toBe('session');
  });
});
