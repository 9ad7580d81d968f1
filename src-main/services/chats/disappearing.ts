/**
 * Disappearing messages (issue #19): changing a chat's timer from Chatdock, in a one-to-one chat
 * or a group (Baileys sends a group's as `groupToggleEphemeral`, and WhatsApp tells every member).
 * WhatsApp is told first, through the number's socket; the customer's phone and our other devices
 * follow. Baileys
 * hands our own change back as a chat update (chats.ts `applyMeta`), which then finds nothing new,
 * so the change is announced once, with the person or key who made it.
 */
import type { Actor } from '../../../src-shared/contract/people.js';
import { AppError } from '../../../src-shared/errors.js';
import type { Chat } from '../../../src-shared/messages.js';
import type { Db } from '../../db/connection.js';
import type { WaActions } from '../../wa/actions.js';
import type { EventRecorder } from '../events/event-recorder.js';
import type { GroupService } from '../groups/groups.js';
import type { ChatService } from './chats.js';

export class DisappearingMessages {
  constructor(
    private readonly db: Db,
    private readonly chats: ChatService,
    private readonly actions: WaActions,
    private readonly events: EventRecorder,
    private readonly groups: GroupService,
  ) {}

  async set(sessionId: string, jid: string, seconds: number, actor: Actor): Promise<Chat> {
    const before = this.chats.get(sessionId, jid);
    if (before.kind === 'group') this.mayChangeGroupTimer(sessionId, jid);
    else if (before.kind !== 'user')
      throw new AppError(
        'VALIDATION_FAILED',
        'disappearing messages can be set in one-to-one chats and groups only',
        'chat',
      );
    if (before.ephemeralSeconds === seconds) return before;
    // Stored before WhatsApp is told, so the echo of our own change is no news; put back if it fails.
    this.write(sessionId, jid, seconds);
    try {
      await this.actions.setDisappearing(sessionId, jid, seconds);
    } catch (error) {
      this.write(sessionId, jid, before.ephemeralSeconds);
      throw error;
    }
    return this.events.transaction(() => {
      const chat = this.chats.get(sessionId, jid);
      const change = { chat: jid, seconds, previous: before.ephemeralSeconds };
      this.events.record('chat.ephemeral_changed', sessionId, change, actor);
      this.events.record('chat.updated', sessionId, chat, actor);
      return chat;
    });
  }

  /**
   * As WhatsApp: any member may change a group's timer unless only admins may edit the group's
   * info (`restrict`); then admins only. Refused here, before WhatsApp is asked.
   */
  private mayChangeGroupTimer(sessionId: string, jid: string): void {
    const { group, myRole } = this.groups.info(sessionId, jid);
    if (!myRole) throw new AppError('FORBIDDEN', 'this number is not a member of the group', 'chat');
    if (group.restrict && myRole === 'member')
      throw new AppError(
        'FORBIDDEN',
        'only the group’s admins can change its disappearing messages (only admins edit group info)',
        'chat',
      );
  }

  private write(sessionId: string, jid: string, seconds: number): void {
    this.db.$client
      .prepare(`UPDATE chats SET ephemeral_seconds = ?, updated_at = ? WHERE session_id = ? AND jid = ?`)
      .run(seconds, new Date().toISOString(), sessionId, jid);
  }
}
