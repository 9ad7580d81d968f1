/**
 * Listens to one socket's WhatsApp Business label events (app-state `label_edit`, `label_jid`,
 * `label_message`, decoded by Baileys) and hands them to the label sync as plain facts.
 *
 * It also tells the label sync when a connection's labels are up to date, so changes made here
 * while the number was offline are sent only after the phone's offline changes arrived (the
 * conflict rule needs both). Baileys rc14 emits no "app-state synced" event on a reconnect: it
 * resyncs a collection only on a `server_sync` notification. So once the offline notifications
 * are in (`connection.update` with `receivedPendingNotifications`), we resync the `regular`
 * collection (labels live there) ourselves and await it: its label events are emitted (they
 * are not buffered) before it resolves.
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
  /** Whether the number has synced labels or pending label changes (else no resync is needed). */
  wantsResync(sessionId: string): boolean;
  /** A new connection started: hold label changes until its app-state is synced. */
  connecting(sessionId: string): void;
  /** The connection's labels are up to date: send what is pending. */
  labelsSynced(sessionId: string): Promise<void>;
}

/** WhatsApp Business labels travel in this app-state collection. */
const LABEL_COLLECTION = 'regular';

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
  sink.connecting(sessionId);
  let synced = false;
  socket.ev.on('connection.update', ({ receivedPendingNotifications }) => {
    if (!receivedPendingNotifications || synced) return;
    synced = true;
    void (async () => {
      if (!sink.wantsResync(sessionId)) return sink.labelsSynced(sessionId);
      try {
        await socket.resyncAppState([LABEL_COLLECTION], false);
      } catch (error) {
        // Sent anyway: Baileys resyncs the collection before each patch it sends, and a
        // pending change left unsent is the silent divergence this exists to end.
        logger.warn({ err: error, session: sessionId }, 'label resync after connecting failed');
      }
      await sink.labelsSynced(sessionId);
    })().catch((error: unknown) =>
      logger.error({ err: error, session: sessionId }, 'sending pending label changes failed'),
    );
  });
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
