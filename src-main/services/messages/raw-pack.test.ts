import { proto, type WAMessage } from '@whiskeysockets/baileys';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeRawMessage, mapMessage, type MessageRecord } from '../../wa/message-mapping.js';
import { createRandom } from '../../../testkit/support/random.js';
import { closeMemoryStores, openMemoryStore } from '../../../testkit/support/memory-store.js';
import {
  RAW_WITH_COLUMNS,
  packRaw,
  rawOf,
  repackRaw,
  unpackRaw,
  type RawColumns,
  type StoredRaw,
} from './raw-pack.js';

const ME = '972500000000@s.whatsapp.net';
const CUSTOMER = '972501111111@s.whatsapp.net';
const GROUP = '120363100000000007@g.us';
const MEMBER = '972502222222@s.whatsapp.net';

const media = (extra: Record<string, unknown>) => ({
  url: 'https://mmg.whatsapp.net/v/t62.7118-24/12345678_1234567890123456_1234567890123456789_n.enc?ccb=11-4',
  directPath: '/v/t62.7118-24/12345678_1234567890123456_1234567890123456789_n.enc?ccb=11-4&oh=01_Q5AaI',
  mediaKey: Buffer.alloc(32, 7),
  fileSha256: Buffer.alloc(32, 8),
  fileEncSha256: Buffer.alloc(32, 9),
  mediaKeyTimestamp: 1_700_000_000,
  fileLength: 123_456,
  ...extra,
});

/** Every message kind the app maps, as WhatsApp delivers it. */
const KINDS: Record<string, proto.IMessage> = {
  text: { conversation: 'Hello, is the shop open today? 🙂' },
  extendedText: {
    extendedTextMessage: {
      text: 'see above @972502222222',
      contextInfo: {
        stanzaId: 'Q1',
        participant: MEMBER,
        mentionedJid: [MEMBER],
        quotedMessage: { conversation: 'the quoted one' },
      },
    },
  },
  image: { imageMessage: media({ mimetype: 'image/jpeg', caption: 'the menu', width: 1280, height: 960 }) },
  imageNoCaption: { imageMessage: media({ mimetype: 'image/jpeg', width: 1280, height: 960 }) },
  video: { videoMessage: media({ mimetype: 'video/mp4', caption: 'a clip', seconds: 12 }) },
  audio: { audioMessage: media({ mimetype: 'audio/ogg; codecs=opus', ptt: true, seconds: 7 }) },
  document: {
    documentMessage: media({ mimetype: 'application/pdf', fileName: 'invoice.pdf', caption: 'your invoice' }),
  },
  sticker: { stickerMessage: media({ mimetype: 'image/webp', width: 512, height: 512 }) },
  location: { locationMessage: { degreesLatitude: 32.08, degreesLongitude: 34.78, name: 'Shop' } },
  contact: { contactMessage: { displayName: 'Dana', vcard: 'BEGIN:VCARD\nFN:Dana\nEND:VCARD' } },
  poll: {
    pollCreationMessage: { name: 'Which day?', options: [{ optionName: 'Mon' }, { optionName: 'Tue' }] },
    messageContextInfo: { messageSecret: Buffer.alloc(32, 3) },
  },
  ephemeral: { ephemeralMessage: { message: { extendedTextMessage: { text: 'gone in 7 days' } } } },
};

function webMessage(
  message: proto.IMessage,
  options: { fromMe?: boolean; group?: boolean; pushName?: string | null; id?: string } = {},
): WAMessage {
  const fromMe = options.fromMe ?? false;
  return {
    key: {
      remoteJid: options.group ? GROUP : CUSTOMER,
      fromMe,
      id: options.id ?? '3EB0ABCDEF0123456789',
      ...(options.group && !fromMe ? { participant: MEMBER } : {}),
    },
    message,
    messageTimestamp: 1_700_000_123,
    status: fromMe ? proto.WebMessageInfo.Status.READ : proto.WebMessageInfo.Status.DELIVERY_ACK,
    ...(options.pushName === null ? {} : { pushName: options.pushName ?? 'Dana' }),
  } as WAMessage;
}

/** The row the app stores for a message: its own mapping decides the columns. */
function stored(message: WAMessage): MessageRecord {
  const mapped = mapMessage(message, ME);
  if (mapped.kind !== 'message') throw new Error(`not a message: ${mapped.kind}`);
  return mapped.record;
}

const decoded = (raw: Buffer) =>
  proto.WebMessageInfo.toObject(proto.WebMessageInfo.decode(raw), { bytes: String });

describe('packRaw / unpackRaw', () => {
  const shapes = [
    { name: '1:1 received', options: {} },
    { name: '1:1 sent', options: { fromMe: true } },
    { name: 'group, a participant', options: { group: true } },
    { name: 'group, sent', options: { group: true, fromMe: true } },
    { name: 'no push name', options: { pushName: null } },
  ];
  for (const [kind, message] of Object.entries(KINDS)) {
    for (const { name, options } of shapes) {
      it(`gives back the same bytes: ${kind}, ${name}`, () => {
        const record = stored(webMessage(message, options));
        const packed = packRaw(record.raw, record);
        expect(packed[0]).toBe(0x00);
        expect(packed.length).toBeLessThan(record.raw.length);
        expect(unpackRaw(packed, record).equals(record.raw)).toBe(true);
      });
    }
  }

  it('leaves only a few bytes of a plain text message', () => {
    const record = stored(webMessage(KINDS.text!));
    // key, text, timestamp and push name are the row's; the status (2 bytes) is what is left.
    expect(packRaw(record.raw, record).length).toBeLessThanOrEqual(8);
    expect(record.raw.length).toBeGreaterThan(90);
  });

  it('gives Baileys the fields each feature reads', () => {
    const record = stored(webMessage(KINDS.image!, { group: true }));
    const message = decodeRawMessage(unpackRaw(packRaw(record.raw, record), record));
    // read receipts, edit, revoke, reactions: the key
    expect(message.key).toMatchObject({
      remoteJid: GROUP,
      fromMe: false,
      id: record.id,
      participant: MEMBER,
    });
    // media download: the media keys and paths; forward: the content
    const image = message.message?.imageMessage;
    expect(image).toMatchObject({ caption: 'the menu', directPath: KINDS.image!.imageMessage!.directPath });
    expect(Buffer.from(image!.mediaKey!).equals(Buffer.alloc(32, 7))).toBe(true);
    expect(message.pushName).toBe('Dana');
    expect(Number(message.messageTimestamp)).toBe(1_700_000_123);
  });

  it('keeps a field the row does not hold exactly (a LID chat, a device sender)', () => {
    const lid = webMessage(KINDS.text!);
    lid.key = { ...lid.key, remoteJid: '123456789012345@lid', remoteJidAlt: CUSTOMER };
    const record = stored(lid);
    expect(record.chatJid).toBe(CUSTOMER);
    const packed = packRaw(record.raw, record);
    expect(packed.includes(Buffer.from('123456789012345@lid'))).toBe(true);
    expect(unpackRaw(packed, record).equals(record.raw)).toBe(true);

    const device = webMessage(KINDS.text!, { group: true });
    device.key = { ...device.key, participant: '972502222222:12@s.whatsapp.net' };
    const fromDevice = stored(device);
    expect(fromDevice.senderJid).toBe(MEMBER);
    expect(unpackRaw(packRaw(fromDevice.raw, fromDevice), fromDevice).equals(fromDevice.raw)).toBe(true);
  });

  it('compares a text column with the field as UTF-8, also when the lengths happen to agree', () => {
    // 'é' is 2 bytes in UTF-8: a 1-byte conversation holding 0xE9 (Latin-1 'é') is not the row's text.
    const key = Buffer.from(
      proto.MessageKey.encode({ remoteJid: CUSTOMER, fromMe: false, id: 'X1' }).finish(),
    );
    const raw = Buffer.concat([
      Buffer.from([0x0a, key.length]),
      key,
      Buffer.from([0x12, 0x03, 0x0a, 0x01, 0xe9]),
    ]);
    const row: RawColumns = {
      chatJid: CUSTOMER,
      id: 'X1',
      fromMe: false,
      senderJid: null,
      senderName: null,
      timestamp: 1_700_000_123_000,
      text: 'é',
    };
    const packed = packRaw(raw, row);
    expect(packed.includes(Buffer.from(CUSTOMER))).toBe(false); // the key's fields did go
    expect(packed.includes(Buffer.from([0x0a, 0x01, 0xe9]))).toBe(true);
    expect(unpackRaw(packed, row).equals(raw)).toBe(true);
    // Non-ASCII text that is the field's UTF-8 is dropped and put back.
    const hebrew = stored(webMessage({ conversation: 'שלום, החנות פתוחה?' }));
    const packedHebrew = packRaw(hebrew.raw, hebrew);
    expect(packedHebrew.includes(Buffer.from('שלום'))).toBe(false);
    expect(unpackRaw(packedHebrew, hebrew).equals(hebrew.raw)).toBe(true);
  });

  it('reads an old unpacked raw as it is, and leaves bytes it cannot walk alone', () => {
    const record = stored(webMessage(KINDS.text!));
    expect(unpackRaw(record.raw, record)).toBe(record.raw);
    const junk = Buffer.from([0x0f, 0xff, 0xff]);
    expect(packRaw(junk, record)).toBe(junk);
    expect(packRaw(Buffer.alloc(0), record).length).toBe(0);
    const packed = packRaw(record.raw, record);
    expect(packRaw(packed, record)).toBe(packed); // packing twice changes nothing
  });

  it('keeps the original text when the row’s text changes (edit, revoke) through repackRaw', () => {
    const record = stored(webMessage(KINDS.extendedText!));
    const packed = packRaw(record.raw, record);
    const edited: RawColumns = { ...record, text: 'see below' };
    const afterEdit = repackRaw(packed, record, edited)!;
    expect(unpackRaw(afterEdit, edited).equals(record.raw)).toBe(true);
    const revoked: RawColumns = { ...edited, text: null };
    expect(unpackRaw(repackRaw(afterEdit, edited, revoked)!, revoked).equals(record.raw)).toBe(true);
  });

  it('round-trips generated messages of every kind and shape (property)', () => {
    const random = createRandom(23);
    const pick = <T>(list: readonly T[]): T => random.pick(list);
    const textOf = () =>
      pick(['', 'a', 'שלום 👋🏽', 'Привет', 'مرحبا', 'x'.repeat(200), '\u0000\uFFFF', 'mixed 😀 texto ñ']);
    const kinds = Object.keys(KINDS);
    for (let i = 0; i < 500; i += 1) {
      const kind = pick(kinds);
      const message = structuredClone(KINDS[kind]!);
      if (message.conversation !== undefined) message.conversation = textOf();
      if (message.extendedTextMessage) message.extendedTextMessage.text = textOf();
      if (message.imageMessage && random.chance(0.5)) message.imageMessage.caption = textOf();
      const options = {
        fromMe: random.chance(0.4),
        group: random.chance(0.3),
        pushName: random.chance(0.3) ? null : textOf(),
        id: `3EB0${random.int(2 ** 48).toString(16)}`,
      };
      const original = webMessage(message, options);
      original.messageTimestamp = random.int(2 ** 33);
      const record = stored(original);
      const packed = packRaw(record.raw, record);
      const back = unpackRaw(packed, record);
      expect(back.equals(record.raw), `${kind} ${JSON.stringify(options)}`).toBe(true);
      expect(decoded(back)).toEqual(decoded(record.raw));
    }
  });
});

describe('stored by MessageStore', () => {
  afterEach(() => closeMemoryStores());

  it('packs the raw on both insert paths and leaves a waiting row’s whole', () => {
    const { db, store } = openMemoryStore();
    const live = stored(webMessage(KINDS.text!, { id: 'LIVE1' }));
    const history = stored(webMessage(KINDS.image!, { id: 'HIST1', group: true }));
    const waiting = mapMessage(
      {
        ...webMessage({}, { id: 'WAIT1' }),
        message: null,
        messageStubType: proto.WebMessageInfo.StubType.CIPHERTEXT,
      } as WAMessage,
      ME,
    );
    if (waiting.kind !== 'message') throw new Error('not a waiting message');
    store.ingest('shop', [live], 'live');
    store.ingest('shop', [history, waiting.record], 'history');
    const raw = (id: string) => store.row('shop', id === 'HIST1' ? GROUP : CUSTOMER, id)!;
    for (const record of [live, history]) {
      const row = raw(record.id);
      expect(row.raw![0]).toBe(0x00);
      expect(unpackRaw(row.raw!, row).equals(record.raw)).toBe(true);
    }
    // wa/waiting-resend.ts reads a waiting row's raw as stored.
    expect(raw('WAIT1').raw!.equals(waiting.record.raw)).toBe(true);
    expect(db.$client.prepare(`SELECT count(*) AS n FROM messages`).get()).toEqual({ n: 3 });
  });

  it('gives the exact raw back from a row that stores no sender (a 1:1 message from the chat) and from one written before', () => {
    const { db, store } = openMemoryStore();
    const sqlite = db.$client;
    // The same message twice: as written now, and as a row of before session 20 (the sender kept).
    // The 1:1 raw also carries key.participant (a device sender), which packing compares too.
    const fromChat = stored(webMessage(KINDS.text!, { id: 'NEW1' }));
    const before = stored(webMessage(KINDS.text!, { id: 'OLD1' }));
    const withParticipant = stored({
      ...webMessage(KINDS.document!, { id: 'PART1' }),
      key: { remoteJid: CUSTOMER, fromMe: false, id: 'PART1', participant: CUSTOMER },
    } as WAMessage);
    const ours = stored(webMessage(KINDS.text!, { id: 'OURS1', fromMe: true }));
    const inGroup = stored(webMessage(KINDS.image!, { id: 'GRP1', group: true }));
    store.ingest('shop', [fromChat, withParticipant, ours], 'live');
    store.ingest('shop', [before, inGroup], 'history');
    sqlite.prepare(`UPDATE messages SET sender_jid = chat_jid WHERE id = 'OLD1'`).run();
    const senderStored = (id: string) =>
      sqlite.prepare(`SELECT sender_jid FROM messages WHERE id = ?`).pluck().get(id);
    expect(senderStored('NEW1')).toBeNull();
    expect(senderStored('PART1')).toBeNull();
    expect(senderStored('OLD1')).toBe(CUSTOMER);
    expect(senderStored('OURS1')).toBe(ME);
    expect(senderStored('GRP1')).toBe(MEMBER);
    for (const record of [fromChat, before, withParticipant, ours, inGroup]) {
      const selected = sqlite
        .prepare(`SELECT ${RAW_WITH_COLUMNS} FROM messages WHERE id = ?`)
        .get(record.id) as StoredRaw;
      expect(selected.raw![0], record.id).toBe(0x00);
      expect(selected.senderJid, record.id).toBe(record.senderJid);
      expect(rawOf(selected)!.equals(record.raw), record.id).toBe(true);
      const row = store.row('shop', record.chatJid, record.id)!;
      expect(unpackRaw(row.raw!, row).equals(record.raw), record.id).toBe(true);
    }
  });
});
