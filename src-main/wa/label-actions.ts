/**
 * WhatsApp Business labels, the WhatsApp side (issue #19): Chatdock's tag changes sent as
 * app-state patches (Baileys `addLabel`, `addChatLabel`, `removeChatLabel`), and whether a number
 * is a business account at all (only those have labels). Baileys hands each patch straight back
 * as `labels.edit` / `labels.association` (emitOwnEvents); the label sync applies those like the
 * phone's changes, and they change nothing because they match.
 */
import { jidNormalizedUser } from '@whiskeysockets/baileys';
import { AppError } from '../../src-shared/errors.js';
import type { WaSessionManager } from './session-manager.js';
import { callWhatsApp } from './wa-errors.js';

export interface LabelWrite {
  id: string;
  name: string;
  /** Index into WhatsApp's 20 label colours. */
  color: number;
  deleted: boolean;
}

export class WaLabelActions {
  /** Numbers known to be business accounts (asked once per connection, or told by a label event). */
  private readonly business = new Set<string>();

  constructor(private readonly manager: WaSessionManager) {}

  isConnected(sessionId: string): boolean {
    return this.manager.socket(sessionId) !== null;
  }

  /** A label event arrived: only business accounts have labels. */
  markBusiness(sessionId: string): void {
    this.business.add(sessionId);
  }

  /** Whether the number is a WhatsApp Business account (its own business profile exists). */
  async isBusiness(sessionId: string): Promise<boolean> {
    if (this.business.has(sessionId)) return true;
    const socket = this.connected(sessionId);
    const me = socket.user?.id;
    if (!me) return false;
    const profile = await callWhatsApp(() => socket.getBusinessProfile(jidNormalizedUser(me)), 'session');
    if (profile) this.business.add(sessionId);
    return Boolean(profile);
  }

  async editLabel(sessionId: string, label: LabelWrite): Promise<void> {
    const socket = this.connected(sessionId);
    await callWhatsApp(() => socket.addLabel('', label), 'tag');
  }

  async labelChat(sessionId: string, chatJid: string, labelId: string, labeled: boolean): Promise<void> {
    const socket = this.connected(sessionId);
    await callWhatsApp(
      () => (labeled ? socket.addChatLabel(chatJid, labelId) : socket.removeChatLabel(chatJid, labelId)),
      'chat',
    );
  }

  async labelMessage(
    sessionId: string,
    chatJid: string,
    messageId: string,
    labelId: string,
    labeled: boolean,
  ): Promise<void> {
    const socket = this.connected(sessionId);
    await callWhatsApp(
      () =>
        labeled
          ? socket.addMessageLabel(chatJid, messageId, labelId)
          : socket.removeMessageLabel(chatJid, messageId, labelId),
      'msgId',
    );
  }

  private connected(sessionId: string) {
    const socket = this.manager.socket(sessionId);
    if (!socket)
      throw new AppError('NOT_CONNECTED', `session "${sessionId}" is not connected to WhatsApp`, 'session');
    return socket;
  }
}
