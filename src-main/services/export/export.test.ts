import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../../src-shared/messages.js';
import { linkedWorld, type LinkedWorld } from '../../../testkit/support/linked-session.js';
import { PNG_1PX } from '../../../testkit/support/media-fixtures.js';
import { unzip } from '../../../testkit/support/unzip.js';
import { whatsappLine } from './whatsapp-txt.js';

/** One exported line: `dd/mm/yyyy, HH:MM - Sender: text` (WhatsApp for Android, 24 h). */
const LINE = /^(\d{2})\/(\d{2})\/(\d{4}), (\d{2}):(\d{2}) - ([^:]+): (.*)$/;

describe("WhatsApp's .txt line format", () => {
  const base: Message = {
    id: 'A1',
    session: 'shop',
    chat: '972502220000@s.whatsapp.net',
    fromMe: false,
    sender: '972502220000@s.whatsapp.net',
    senderName: null,
    type: 'text',
    text: 'Hello',
    media: null,
    content: null,
    quotedId: null,
    mentions: [],
    status: 'delivered',
    timestamp: '2026-12-05T22:30:00.000Z',
    timestampUnix: Date.parse('2026-12-05T22:30:00Z') / 1000,
    edited: false,
    revoked: false,
    forwarded: false,
    reactions: [],
  };
  const options = { timeZone: 'Asia/Jerusalem', ownName: 'Falafel House', fileOf: () => null };

  it('dates in the chosen zone, the sender by name or number, and WhatsApp wording for media and deletions', () => {
    expect(whatsappLine(base, options)).toBe('06/12/2026, 00:30 - +972502220000: Hello');
    expect(whatsappLine({ ...base, senderName: 'Dana' }, { ...options, timeZone: 'UTC' })).toBe(
      '05/12/2026, 22:30 - Dana: Hello',
    );
    expect(whatsappLine({ ...base, fromMe: true }, options)).toBe('06/12/2026, 00:30 - Falafel House: Hello');
    expect(whatsappLine({ ...base, revoked: true }, options)).toMatch(/: This message was deleted$/);
    const image = {
      ...base,
      type: 'image' as const,
      text: 'our menu',
      media: {
        mimetype: 'image/png',
        fileName: null,
        size: 10,
        sha256: null,
        seconds: null,
        width: null,
        height: null,
        voiceNote: false,
        stored: false,
      },
    };
    expect(whatsappLine(image, options)).toBe('06/12/2026, 00:30 - +972502220000: <Media omitted>\nour menu');
    expect(whatsappLine(image, { ...options, fileOf: () => 'IMG-20261206-WA0000.png' })).toBe(
      '06/12/2026, 00:30 - +972502220000: IMG-20261206-WA0000.png (file attached)\nour menu',
    );
  });
});

describe('exporting a conversation (real Baileys)', () => {
  let world: LinkedWorld;
  const ids: string[] = [];

  beforeAll(async () => {
    world = await linkedWorld({ shopPhone: '972501118000', customerPhone: '972502228000' });
    const received = (id: string) =>
      world.waitForEvent((e) => e.type === 'message.received' && e.data.id === id);
    const first = await world.customer.sendText(world.shopJid, 'Hi!\nTwo lines <b>not bold</b>');
    await received(first.key.id!);
    ids.push(first.key.id!);
    const photo = await world.customer.send(world.shopJid, {
      image: PNG_1PX,
      mimetype: 'image/png',
      caption: 'this one',
    });
    await received(photo.key.id!);
    ids.push(photo.key.id!);
    // Stored media only: wait until the background download has it.
    const media = await world.app.request(`/api/v1/sessions/shop/messages/${photo.key.id!}/media`);
    expect(media.status).toBe(200);
    const reply = await world.app.request('/api/v1/sessions/shop/messages', {
      method: 'POST',
      json: { to: `+${world.customer.phone}`, type: 'text', text: 'Yes, that one' },
    });
    expect(reply.status).toBe(201);
  }, 60_000);

  afterAll(async () => {
    await world?.close();
  });

  const exportOf = (query: string) =>
    world.app.request(`/api/v1/sessions/shop/chats/${world.customer.jid}/export${query}`);

  it("as a .zip with the .txt in WhatsApp's line format and the media attached", async () => {
    const response = await exportOf('?format=whatsapp&timeZone=Asia/Jerusalem');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toContain('WhatsApp Chat with');
    const files = unzip(Buffer.from(await response.arrayBuffer()));
    const txtName = [...files.keys()].find((n) => n.endsWith('.txt'))!;
    const lines = files.get(txtName)!.toString('utf8').trimEnd().split('\n');
    // A message's later lines (more text, a caption) carry no prefix, as in WhatsApp's own files.
    const starts = lines.filter((line) => LINE.test(line));
    expect(starts).toHaveLength(3);
    expect(starts.map((l) => LINE.exec(l)![6])).toEqual(['Dana', 'Dana', 'Falafel House']);
    expect(lines).toContain('Two lines <b>not bold</b>');
    const attached = /: (IMG-\d{8}-WA0000\.png) \(file attached\)$/.exec(starts[1]!)?.[1];
    expect(attached).toBeDefined();
    expect(lines[lines.indexOf(starts[1]!) + 1]).toBe('this one');
    expect(files.get(attached!)?.equals(PNG_1PX)).toBe(true);
  });

  it('as HTML (escaped) and JSON, and only for the date range asked', async () => {
    const html = await (await exportOf('?format=html')).text();
    expect(html).toContain('Two lines &#60;b&#62;not bold&#60;/b&#62;');
    const json = (await (await exportOf('?format=json')).json()) as { messages: Message[] };
    expect(json.messages.map((m) => m.id).slice(0, 2)).toEqual(ids);
    const second = json.messages[1]!;
    const ranged = (await (await exportOf(`?format=json&from=${second.timestampUnix}`)).json()) as {
      messages: Message[];
    };
    expect(ranged.messages.every((m) => m.timestampUnix >= second.timestampUnix)).toBe(true);
    expect(ranged.messages.map((m) => m.id)).toContain(second.id);
    const none = (await (
      await exportOf(`?format=json&to=${json.messages[0]!.timestampUnix - 1}`)
    ).json()) as {
      messages: Message[];
    };
    expect(none.messages).toEqual([]);
  });

  it('names the bad field', async () => {
    const zone = await exportOf('?timeZone=Mars/Olympus');
    expect(zone.status).toBe(400);
    expect(((await zone.json()) as { error: { field: string } }).error.field).toBe('timeZone');
    const format = await exportOf('?format=pdf');
    expect(((await format.json()) as { error: { field: string } }).error.field).toBe('format');
  });
});
