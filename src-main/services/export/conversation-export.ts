import type { Message } from '../../../src-shared/messages.js';
import type { Messaging } from '../messaging/messaging.js';
import type { MediaStore } from '../messages/media-store.js';
import type { SessionService } from '../sessions/sessions.js';
import { conversationHtml } from './html.js';
import { exportFileName, whatsappLine } from './whatsapp-txt.js';
import { zip } from './zip-writer.js';

import type { ConversationExportFormat as ExportFormat } from '../../../src-shared/contract/exports.js';

interface ExportRequest {
  session: string;
  chat: string;
  format: ExportFormat;
  /** Unix ms, inclusive; none: from the first message. */
  from?: number | undefined;
  /** Unix ms, inclusive; none: up to the last message. */
  to?: number | undefined;
  timeZone: string;
}

interface ExportFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

const PAGE = 500;

/** A conversation (or a date range of it) as WhatsApp's `.txt` + media in a `.zip`, HTML or JSON. */
export class ConversationExport {
  constructor(
    private readonly messaging: Messaging,
    private readonly sessions: SessionService,
    private readonly media: MediaStore,
  ) {}

  run(request: ExportRequest): ExportFile {
    const chat = this.messaging.chats.get(request.session, request.chat);
    const session = this.sessions.get(request.session);
    const messages = this.read(request);
    const title = chat.name ?? `+${chat.jid.split('@')[0]}`;
    const base = `WhatsApp Chat with ${title.replace(/[/\\:*?"<>|]/g, '_')}`;
    const ownName = session.pushName ?? session.name;
    if (request.format === 'json') {
      return {
        fileName: `${base}.json`,
        contentType: 'application/json; charset=utf-8',
        bytes: Buffer.from(JSON.stringify({ session: request.session, chat, messages }, null, 2)),
      };
    }
    if (request.format === 'html') {
      return {
        fileName: `${base}.html`,
        contentType: 'text/html; charset=utf-8',
        bytes: Buffer.from(
          conversationHtml(`WhatsApp chat with ${title}`, messages, { timeZone: request.timeZone, ownName }),
        ),
      };
    }
    const files = new Map<Message, { name: string; bytes: Buffer }>();
    messages.forEach((message) => {
      const sha = message.media?.sha256;
      const bytes = sha && message.media?.stored ? this.media.read(sha) : null;
      if (bytes) files.set(message, { name: exportFileName(message, files.size, request.timeZone), bytes });
    });
    const text = messages
      .map((m) =>
        whatsappLine(m, { timeZone: request.timeZone, ownName, fileOf: (x) => files.get(x)?.name ?? null }),
      )
      .join('\n');
    return {
      fileName: `${base}.zip`,
      contentType: 'application/zip',
      bytes: zip([
        { name: `${base}.txt`, bytes: Buffer.from(text + '\n', 'utf8'), compress: true },
        ...[...files.values()].map((f) => ({ name: f.name, bytes: f.bytes })),
      ]),
    };
  }

  /** The chat's messages in the range, oldest first, page by page along the chat's time index. */
  private read(request: ExportRequest): Message[] {
    const out: Message[] = [];
    let after = `${Math.max(0, (request.from ?? 0) - 1)}.${Number.MAX_SAFE_INTEGER}`;
    for (;;) {
      const page = this.messaging.history.pageFrom(request.session, request.chat, { limit: PAGE, after });
      const ascending = [...page.messages].reverse();
      for (const message of ascending) {
        if (request.to !== undefined && message.timestampUnix * 1000 > request.to) return out;
        out.push(message);
      }
      if (!page.next) return out;
      after = page.next;
    }
  }
}
