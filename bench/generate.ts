/**
 * The synthetic history: deterministic from a seed, generated message by message so any
 * slice can be rebuilt (the raw baseline inserts exactly the rows the app stored).
 *
 * Shape: `messages` messages over `chats` chats spread over the sessions, in time order over
 * three years. Every tenth message opens a new chat; the others go to an existing chat
 * picked Zipf-like (old customers write most), so a few chats hold tens of thousands of
 * messages and most hold a handful. Text in English, Spanish, Hebrew, Arabic and Russian with
 * emoji; about 15 % media (photos, voice notes, documents, video, stickers, locations). Each
 * message's raw `WebMessageInfo` is encoded as WhatsApp sends it (generated-raw.ts).
 */
import type { MediaInfo, MessageStatus, MessageType } from '../src-shared/messages.js';
import type { MessageRecord } from '../src-main/wa/message-mapping.js';
import type { ContactRecord } from '../src-main/wa/session-events.js';
import { EMOJI, FIRST_NAMES, LANGUAGES, PHRASE, RARE_WORD, WORDS, type Language } from './corpus.js';
import { forIndex, mix, pick, pickSkewed, type Rng } from './prng.js';
import { generatedRaw } from './generated-raw.js';

export interface HistorySpec {
  seed: number;
  messages: number;
  chats: number;
  sessions: readonly string[];
  /** Unix ms of the newest generated message. */
  endAt: number;
  spanMs: number;
  /** Records per ingest call (the app's history-sync slice size). */
  batchSize: number;
}

export const SESSIONS = ['shop', 'support', 'sales'] as const;
const DAY = 24 * 60 * 60 * 1000;

export function historySpec(scale: number, seed = 20240611): HistorySpec {
  const now = Date.UTC(2026, 0, 1);
  return {
    seed,
    messages: Math.round(1_000_000 * scale),
    chats: Math.round(100_000 * scale),
    sessions: SESSIONS,
    endAt: now - DAY,
    spanMs: 3 * 365 * DAY,
    batchSize: 500,
  };
}

/** One generated message and the session it belongs to. */
export interface Generated {
  session: number;
  record: MessageRecord;
}

export class History {
  private readonly ratio: number;

  constructor(readonly spec: HistorySpec) {
    this.ratio = Math.max(1, Math.floor(spec.messages / spec.chats));
  }

  sessionOfChat(chat: number): number {
    return chat % this.spec.sessions.length;
  }

  isGroup(chat: number): boolean {
    return chat % 20 === 7;
  }

  language(chat: number): Language {
    return LANGUAGES[mix(this.spec.seed, chat) % LANGUAGES.length] as Language;
  }

  chatJid(chat: number): string {
    if (this.isGroup(chat)) return `120363${String(100_000_000_000 + chat)}@g.us`;
    const prefix = { en: '1', es: '34', he: '972', ar: '971', ru: '7' }[this.language(chat)];
    return `${prefix}5${String(chat).padStart(8, '0')}@s.whatsapp.net`;
  }

  /** The chat message `index` belongs to (see the file comment). */
  chatOf(index: number, rng: Rng): number {
    const opened = Math.floor(index / this.ratio);
    if (index % this.ratio === 0 && opened < this.spec.chats) return opened;
    const pool = Math.max(1, Math.min(opened + 1, this.spec.chats));
    return Math.floor(pool * Math.pow(rng(), 3));
  }

  timestampOf(index: number, rng: Rng): number {
    const step = this.spec.spanMs / this.spec.messages;
    return Math.floor(this.spec.endAt - this.spec.spanMs + index * step + rng() * step);
  }

  message(index: number): Generated {
    const rng = forIndex(this.spec.seed, index);
    const chat = this.chatOf(index, rng);
    const chatJid = this.chatJid(chat);
    const fromMe = rng() < 0.4;
    const group = this.isGroup(chat);
    const participant = group
      ? `9725${String(mix(chat, Math.floor(rng() * 12))).slice(0, 8)}@s.whatsapp.net`
      : null;
    const kindRoll = rng();
    let type: MessageType = 'text';
    let media: MediaInfo | null = null;
    let content: Record<string, unknown> | null = null;
    let text: string | null = this.text(chat, rng);
    if (kindRoll < 0.08) {
      type = 'image';
      media = mediaInfo('image/jpeg', null, rng, { width: 1280, height: 960 });
      if (rng() < 0.5) text = null;
    } else if (kindRoll < 0.11) {
      type = 'audio';
      media = mediaInfo('audio/ogg; codecs=opus', null, rng, { seconds: 3 + Math.floor(rng() * 60) });
      media.voiceNote = true;
      text = null;
    } else if (kindRoll < 0.125) {
      type = 'document';
      media = mediaInfo('application/pdf', `invoice-${index}.pdf`, rng, {});
      if (rng() < 0.6) text = null;
    } else if (kindRoll < 0.14) {
      type = 'video';
      media = mediaInfo('video/mp4', null, rng, {
        seconds: 5 + Math.floor(rng() * 40),
        width: 720,
        height: 1280,
      });
      if (rng() < 0.7) text = null;
    } else if (kindRoll < 0.15) {
      type = 'sticker';
      media = mediaInfo('image/webp', null, rng, { width: 512, height: 512 });
      text = null;
    } else if (kindRoll < 0.155) {
      type = 'location';
      content = { latitude: 32.08 + rng() / 10, longitude: 34.78 + rng() / 10, name: null, address: null };
      text = null;
    }
    const status: MessageStatus = fromMe ? (rng() < 0.8 ? 'read' : 'delivered') : 'server';
    // Its raw protobuf's random bytes (media keys) come from their own stream, seeded here.
    const rawSeed = Math.floor(rng() * 2 ** 32);
    const fields: Omit<MessageRecord, 'raw'> = {
      chatJid,
      id: `3EB0${(mix(this.spec.seed + 1, index) >>> 0).toString(16).toUpperCase().padStart(8, '0')}${index
        .toString(16)
        .toUpperCase()
        .padStart(8, '0')}`,
      fromMe,
      senderJid: fromMe ? '972500000000@s.whatsapp.net' : (participant ?? chatJid),
      senderName: fromMe ? null : pick(rng, FIRST_NAMES),
      type,
      text,
      media,
      content,
      quotedId: null,
      mentions: [],
      status,
      timestamp: this.timestampOf(index, rng),
      forwarded: rng() < 0.02,
    };
    const record: MessageRecord = { ...fields, raw: generatedRaw(fields, participant, rawSeed) };
    return { session: this.sessionOfChat(chat), record };
  }

  /** Realistic-ish text in the chat's language; plants the search targets at known rates. */
  private text(chat: number, rng: Rng): string {
    const language = this.language(chat);
    const words = WORDS[language];
    const count = 1 + Math.floor(Math.pow(rng(), 1.6) * 22);
    const parts: string[] = [];
    for (let i = 0; i < count; i += 1) parts.push(pickSkewed(rng, words));
    if (language === 'en' && rng() < 0.004) parts.splice(Math.floor(rng() * parts.length), 0, PHRASE);
    if (rng() < 0.0001) parts.push(RARE_WORD);
    if (rng() < 0.05) parts.push(`#${10_000 + Math.floor(rng() * 90_000)}`);
    if (rng() < 0.15) parts.push(pick(rng, EMOJI));
    const sentence = parts.join(' ');
    return sentence.charAt(0).toUpperCase() + sentence.slice(1);
  }

  /** Contacts as history sync delivers them: a saved name for most 1:1 chats. */
  contacts(session: number): ContactRecord[] {
    const records: ContactRecord[] = [];
    for (let chat = session; chat < this.spec.chats; chat += this.spec.sessions.length) {
      if (this.isGroup(chat)) continue;
      const rng = forIndex(this.spec.seed + 2, chat);
      const jid = this.chatJid(chat);
      const saved = rng() < 0.6;
      records.push({
        jid,
        lid: null,
        phone: jid.split('@')[0] ?? null,
        name: saved ? `${pick(rng, FIRST_NAMES)} ${chat}` : null,
        notify: pick(rng, FIRST_NAMES),
        verifiedName: null,
      });
    }
    return records;
  }

  /** Group names, as chat metadata. */
  groupNames(session: number): { jid: string; name: string }[] {
    const groups: { jid: string; name: string }[] = [];
    for (let chat = session; chat < this.spec.chats; chat += this.spec.sessions.length) {
      if (this.isGroup(chat)) groups.push({ jid: this.chatJid(chat), name: `Customers ${chat}` });
    }
    return groups;
  }

  /**
   * Messages `from`..`to` (exclusive) as ingest batches: per session, flushed when a session's
   * batch is full (and at the end), in message order. The same input gives the same batches.
   */
  *batches(from: number, to: number): Generator<{ session: number; records: MessageRecord[] }> {
    const pending: MessageRecord[][] = this.spec.sessions.map(() => []);
    for (let index = from; index < to; index += 1) {
      const { session, record } = this.message(index);
      const list = pending[session] as MessageRecord[];
      list.push(record);
      if (list.length >= this.spec.batchSize) {
        yield { session, records: list.splice(0) };
      }
    }
    for (let session = 0; session < pending.length; session += 1) {
      const list = pending[session] as MessageRecord[];
      if (list.length) yield { session, records: list.splice(0) };
    }
  }
}

function mediaInfo(
  mimetype: string,
  fileName: string | null,
  rng: Rng,
  extra: Partial<Pick<MediaInfo, 'seconds' | 'width' | 'height'>>,
): MediaInfo {
  return {
    mimetype,
    fileName,
    size: 20_000 + Math.floor(rng() * 2_000_000),
    sha256: null,
    seconds: extra.seconds ?? null,
    width: extra.width ?? null,
    height: extra.height ?? null,
    voiceNote: false,
    stored: false,
  };
}
