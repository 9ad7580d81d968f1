import { AppError } from '../../../src-shared/errors.js';
import { jidKind, toJid } from '../../../src-shared/jid.js';
import type { Logger } from '../../core/logger.js';
import type { Db } from '../../db/connection.js';
import type { WaActions } from '../../wa/actions.js';

/** How long a "this number has WhatsApp" answer is trusted. */
const ON_WHATSAPP_TTL_MS = 60 * 60 * 1000;

/** Whether numbers have WhatsApp, asked from WhatsApp and remembered for an hour (SendService). */
export class OnWhatsApp {
  private readonly cache = new Map<string, { exists: boolean; at: number }>();

  constructor(
    private readonly db: Db,
    private readonly actions: WaActions,
    private readonly logger: Logger,
  ) {}

  /** Which of these numbers have WhatsApp (for contacts/check and campaigns). */
  async check(
    sessionId: string,
    phones: string[],
  ): Promise<{ input: string; jid: string | null; exists: boolean }[]> {
    const parsed = phones.map((input) => {
      try {
        return { input, jid: toJid(input, 'phones') };
      } catch {
        return { input, jid: null };
      }
    });
    const valid = parsed.flatMap((p) => (p.jid && jidKind(p.jid) === 'user' ? [p.jid] : []));
    const found = valid.length ? await this.actions.onWhatsApp(sessionId, valid) : new Map<string, boolean>();
    for (const [jid, exists] of found) this.cache.set(`${sessionId}|${jid}`, { exists, at: Date.now() });
    return parsed.map((p) => ({
      input: p.input,
      jid: p.jid,
      exists: p.jid ? (found.get(p.jid) ?? false) : false,
    }));
  }

  /** Refuses numbers without WhatsApp before anything is sent (groups and known chats pass). */
  async assert(sessionId: string, jid: string): Promise<void> {
    if (jidKind(jid) !== 'user') return;
    const known = this.db.$client
      .prepare(`SELECT 1 FROM messages WHERE session_id = ? AND chat_jid = ? AND from_me = 0 LIMIT 1`)
      .get(sessionId, jid);
    if (known) return;
    const cacheKey = `${sessionId}|${jid}`;
    const cached = this.cache.get(cacheKey);
    let exists = cached && Date.now() - cached.at < ON_WHATSAPP_TTL_MS ? cached.exists : undefined;
    if (exists === undefined) {
      exists = (await this.actions.onWhatsApp(sessionId, [jid])).get(jid) ?? false;
      this.cache.set(cacheKey, { exists, at: Date.now() });
    }
    if (!exists) {
      this.logger.info({ session: sessionId }, 'send refused: number not on WhatsApp');
      throw new AppError('VALIDATION_FAILED', `to: ${jid.split('@')[0]} is not on WhatsApp`, 'to');
    }
  }
}
