/**
 * Listens to one socket's WhatsApp Business label events (app-state `label_edit`, `label_jid`,
 * `label_message`, decoded by Baileys) and hands them to the label sync as plain facts.
 */
import { jidNormalizedUser, type WASocket } from '@whiskeysockets/baileys';
import type { Logger } from '../core/logger.js';

export interface LabelEditFact {
  id: string;
  name: string;
  color: number;
  deleted: boolean;
}

export interface LabelAssociationFact {
  labelId: string;
  chatJid: string;
  /** Set when the label is on one message rather than the chat. */
  messageId: string | null;
  labeled: boolean;
}

export interface LabelSink {
  labelEdited(sessionId: string, fact: LabelEditFact): void;
  labelAssociated(sessionId: string, fact: LabelAssociationFact): void;
}

export function attachLabelEvents(
  sessionId: string,
  socket: WASocket,
  sink: LabelSink,
  logger: Logger,
): void {
  const guard = (what: string, run: () => void) => {
    try {
      run();
    } catch (error) {
      logger.error({ err: error, session: sessionId }, `handling ${what} failed; skipped`);
    }
  };
  socket.ev.on('labels.edit', (label) =>
    guard('labels.edit', () =>
      sink.labelEdited(sessionId, {
        id: String(label.id),
        name: label.name ?? '',
        color: Number(label.color ?? 0),
        deleted: Boolean(label.deleted),
      }),
    ),
  );
  socket.ev.on('labels.association', ({ association, type }) =>
    guard('labels.association', () => {
      if (!association.chatId) return;
      sink.labelAssociated(sessionId, {
        labelId: String(association.labelId),
        chatJid: jidNormalizedUser(association.chatId),
        messageId: 'messageId' in association ? association.messageId : null,
        labeled: type === 'add',
      });
    }),
  );
}
