/**
 * Listens to one socket's channel (newsletter) notifications and hands them to the channel
 * service as plain facts. WhatsApp tells an owner's linked devices that a post got a reaction
 * (`<notification type="newsletter"><reaction message_id=SERVER_ID>`, Baileys:
 * `newsletter.reaction`), but not who reacted nor whether it replaced an earlier one, so the
 * fact is only "this channel's counts changed": the service reads them again.
 */
import type { WASocket } from '@whiskeysockets/baileys';
import type { Logger } from '../core/logger.js';

export interface ChannelSink {
  /** A post of `jid` got, changed or lost a reaction (its WhatsApp server id). */
  channelReacted(sessionId: string, jid: string, serverId: string): void;
}

export function attachChannelEvents(
  sessionId: string,
  socket: WASocket,
  sink: ChannelSink,
  logger: Logger,
): void {
  socket.ev.on('newsletter.reaction', (update) => {
    try {
      if (update.id && update.server_id) sink.channelReacted(sessionId, update.id, update.server_id);
    } catch (error) {
      logger.error({ err: error, session: sessionId }, 'handling newsletter.reaction failed; skipped');
    }
  });
}
