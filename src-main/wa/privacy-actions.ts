/**
 * A number's privacy settings and block list on WhatsApp (issue #19), in domain terms. Blocking
 * addresses the contact by LID in Baileys 7 (`updateBlockStatus`), so the contact must be known
 * (a chat, a usync lookup) before it can be blocked.
 */
import { jidNormalizedUser, type WASocket } from '@whiskeysockets/baileys';
import { AppError } from '../../src-shared/errors.js';
import type { PrivacySettings } from '../../src-shared/contract/privacy.js';
import type { WaSessionManager } from './session-manager.js';
import { callWhatsApp } from './wa-errors.js';

/** Our names for WhatsApp's privacy categories. */
const CATEGORY: Record<keyof PrivacySettings, string> = {
  lastSeen: 'last',
  online: 'online',
  profilePhoto: 'profile',
  about: 'status',
  groupsAdd: 'groupadd',
  readReceipts: 'readreceipts',
};

export class WaPrivacyActions {
  constructor(private readonly manager: WaSessionManager) {}

  private socket(sessionId: string): WASocket {
    const socket = this.manager.socket(sessionId);
    if (!socket) throw new AppError('NOT_CONNECTED', `session "${sessionId}" is not connected to WhatsApp`);
    return socket;
  }

  async privacy(sessionId: string): Promise<PrivacySettings> {
    const socket = this.socket(sessionId);
    const raw = await callWhatsApp(() => socket.fetchPrivacySettings(true));
    const read = (key: keyof PrivacySettings) => String(raw[CATEGORY[key]] ?? 'all');
    return {
      lastSeen: read('lastSeen'),
      online: read('online'),
      profilePhoto: read('profilePhoto'),
      about: read('about'),
      groupsAdd: read('groupsAdd'),
      readReceipts: read('readReceipts'),
    } as PrivacySettings;
  }

  async setPrivacy(sessionId: string, key: keyof PrivacySettings, value: string): Promise<void> {
    const socket = this.socket(sessionId);
    const calls: Record<keyof PrivacySettings, () => Promise<void>> = {
      lastSeen: () => socket.updateLastSeenPrivacy(value as never),
      online: () => socket.updateOnlinePrivacy(value as never),
      profilePhoto: () => socket.updateProfilePicturePrivacy(value as never),
      about: () => socket.updateStatusPrivacy(value as never),
      groupsAdd: () => socket.updateGroupsAddPrivacy(value as never),
      readReceipts: () => socket.updateReadReceiptsPrivacy(value as never),
    };
    await callWhatsApp(calls[key], key);
  }

  /** The blocked accounts' JIDs (phone-number JIDs where WhatsApp gives them). */
  async blocklist(sessionId: string): Promise<string[]> {
    const socket = this.socket(sessionId);
    const jids = await callWhatsApp(() => socket.fetchBlocklist());
    return jids.filter((jid): jid is string => Boolean(jid)).map((jid) => jidNormalizedUser(jid));
  }

  async setBlocked(sessionId: string, jid: string, blocked: boolean): Promise<void> {
    const socket = this.socket(sessionId);
    try {
      await socket.updateBlockStatus(jid, blocked ? 'block' : 'unblock');
    } catch (error) {
      // Baileys' own refusal: it knows no LID for the number (never seen on WhatsApp).
      if ((error as { output?: { statusCode?: number } }).output?.statusCode === 400) {
        throw new AppError('VALIDATION_FAILED', `jid: ${(error as Error).message}`, 'jid');
      }
      return callWhatsApp(() => Promise.reject(error), 'jid');
    }
  }
}
