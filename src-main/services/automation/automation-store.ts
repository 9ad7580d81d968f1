/**
 * Automation's rows: one settings document per number, what each chat remembers, and the log of
 * automatic messages. Prepared statements; nothing here decides anything.
 */
import {
  automationSettingsSchema,
  type AutomationSettings,
} from '../../../src-shared/contract/automation.js';
import type { Db } from '../../db/connection.js';
import type { ChatMemory } from './engine/decide.js';

export interface ChatState extends ChatMemory {
  pausedUntil: number | null;
  pauseReason: 'staff' | 'handover' | null;
  stopped: boolean;
}

interface ChatRow {
  last_inbound_at: number | null;
  away_sent_at: number | null;
  menu_path: string | null;
  menu_at: number | null;
  paused_until: number | null;
  pause_reason: 'staff' | 'handover' | null;
  stopped: number;
}

export const DEFAULT_AUTOMATION: AutomationSettings = automationSettingsSchema.parse({});

/**
 * Before issue #21 every saved menu stored the default "Back" in English, whatever the
 * automation's language: read it as null (the word in the automation's language, which is
 * "Back" in English) so Spanish customers see "Volver" without the owner saving again.
 */
function withoutStoredEnglishDefault(settings: AutomationSettings): AutomationSettings {
  if (settings.menu.backLabel !== 'Back') return settings;
  return { ...settings, menu: { ...settings.menu, backLabel: null } };
}

const EMPTY_STATE: ChatState = {
  lastInboundAt: null,
  awaySentAt: null,
  menuPath: null,
  menuAt: null,
  pausedUntil: null,
  pauseReason: null,
  stopped: false,
};

export class AutomationStore {
  private readonly selectSettings;
  private readonly upsertSettings;
  private readonly selectChat;
  private readonly upsertChat;
  private readonly insertReply;
  private readonly countSince;
  private readonly lastReceived;
  private readonly recentReplies;

  constructor(private readonly db: Db) {
    const sqlite = db.$client;
    this.selectSettings = sqlite.prepare<[string], { settings: string; updated_at: number }>(
      'SELECT settings, updated_at FROM automation_settings WHERE session_id = ?',
    );
    this.upsertSettings = sqlite.prepare<[string, string, number]>(
      `INSERT INTO automation_settings (session_id, settings, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (session_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at`,
    );
    this.selectChat = sqlite.prepare<[string, string], ChatRow>(
      'SELECT * FROM automation_chats WHERE session_id = ? AND chat_jid = ?',
    );
    this.upsertChat = sqlite.prepare(
      `INSERT INTO automation_chats
         (session_id, chat_jid, last_inbound_at, away_sent_at, menu_path, menu_at, paused_until, pause_reason, stopped)
       VALUES (@session, @chat, @lastInboundAt, @awaySentAt, @menuPath, @menuAt, @pausedUntil, @pauseReason, @stopped)
       ON CONFLICT (session_id, chat_jid) DO UPDATE SET
         last_inbound_at = excluded.last_inbound_at, away_sent_at = excluded.away_sent_at,
         menu_path = excluded.menu_path, menu_at = excluded.menu_at, paused_until = excluded.paused_until,
         pause_reason = excluded.pause_reason, stopped = excluded.stopped`,
    );
    this.insertReply = sqlite.prepare<[string, string, string, string, string, number]>(
      `INSERT INTO automation_replies (session_id, chat_jid, message_id, kind, rule, sent_at) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.countSince = sqlite.prepare<[string, string, number], { n: number }>(
      'SELECT count(*) AS n FROM automation_replies WHERE session_id = ? AND chat_jid = ? AND sent_at > ?',
    );
    this.recentReplies = sqlite.prepare<[string, string, number], { messageId: string; rule: string }>(
      `SELECT message_id AS messageId, rule FROM automation_replies WHERE session_id = ? AND chat_jid = ?
       ORDER BY sent_at DESC LIMIT ?`,
    );
    // For a chat automation has not seen yet: did the customer write before (history, or before
    // automation was switched on)? Walks the chat's time index from the newest message.
    this.lastReceived = sqlite.prepare<[string, string, string], { timestamp: number }>(
      `SELECT timestamp FROM messages WHERE session_id = ? AND chat_jid = ? AND from_me = 0 AND id != ?
       ORDER BY timestamp DESC LIMIT 1`,
    );
  }

  settings(sessionId: string): { settings: AutomationSettings; updatedAt: number | null } {
    const row = this.selectSettings.get(sessionId);
    if (!row) return { settings: DEFAULT_AUTOMATION, updatedAt: null };
    // Stored documents were valid when saved; parsing again fills fields added since with defaults.
    const parsed = automationSettingsSchema.safeParse(JSON.parse(row.settings));
    if (!parsed.success) return { settings: DEFAULT_AUTOMATION, updatedAt: row.updated_at };
    return { settings: withoutStoredEnglishDefault(parsed.data), updatedAt: row.updated_at };
  }

  saveSettings(sessionId: string, settings: AutomationSettings, at: number): void {
    this.upsertSettings.run(sessionId, JSON.stringify(settings), at);
  }

  /** What the chat remembers; `known` is false for a chat automation never saw. */
  chat(sessionId: string, chatJid: string): ChatState & { known: boolean } {
    const row = this.selectChat.get(sessionId, chatJid);
    if (!row) return { ...EMPTY_STATE, known: false };
    return {
      lastInboundAt: row.last_inbound_at,
      awaySentAt: row.away_sent_at,
      menuPath: row.menu_path === null ? null : (JSON.parse(row.menu_path) as string[]),
      menuAt: row.menu_at,
      pausedUntil: row.paused_until,
      pauseReason: row.pause_reason,
      stopped: row.stopped === 1,
      known: true,
    };
  }

  saveChat(sessionId: string, chatJid: string, state: ChatState): void {
    this.upsertChat.run({
      session: sessionId,
      chat: chatJid,
      lastInboundAt: state.lastInboundAt,
      awaySentAt: state.awaySentAt,
      menuPath: state.menuPath === null ? null : JSON.stringify(state.menuPath),
      menuAt: state.menuAt,
      pausedUntil: state.pausedUntil,
      pauseReason: state.pauseReason,
      stopped: state.stopped ? 1 : 0,
    });
  }

  previousReceivedAt(sessionId: string, chatJid: string, exceptMessageId: string): number | null {
    return this.lastReceived.get(sessionId, chatJid, exceptMessageId)?.timestamp ?? null;
  }

  logReply(
    sessionId: string,
    chatJid: string,
    messageId: string,
    kind: string,
    rule: string,
    at: number,
  ): void {
    this.insertReply.run(sessionId, chatJid, messageId, kind, rule, at);
  }

  senders(sessionId: string, chatJid: string, limit: number): { messageId: string; rule: string }[] {
    return this.recentReplies.all(sessionId, chatJid, limit);
  }

  sentSince(sessionId: string, chatJid: string, since: number): number {
    return this.countSince.get(sessionId, chatJid, since)?.n ?? 0;
  }
}
