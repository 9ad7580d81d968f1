/** Routes each stanza from a client to its protocol handler. */
import type { BinaryNode } from '@whiskeysockets/baileys';
import { getBinaryNodeChild } from '@whiskeysockets/baileys';

import { iqResult } from './binary.js';
import type { ClientConnection } from './connection.js';
import type { EmulatorContext } from './context.js';
import { sessionOf } from './context.js';
import { handleCallStanza } from './handlers/calls.js';
import { routeIq } from './handlers/iq-router.js';
import { handleMessageStanza } from './handlers/messages.js';
import { handleLinkCodeIq } from './handlers/pairing-code.js';
import { handleChatStateStanza, handlePresenceStanza } from './handlers/presence.js';
import { handleAckStanza, handleReceiptStanza } from './handlers/receipts.js';

export async function dispatchStanza(
  ctx: EmulatorContext,
  conn: ClientConnection,
  stanza: BinaryNode,
): Promise<void> {
  if (!conn.device) {
    await dispatchUnlinked(ctx, conn, stanza);
    return;
  }
  const session = sessionOf(ctx, conn);
  if (!session) {
    // The device was removed (logged out) while connected.
    conn.failure(401);
    return;
  }
  ctx.log.record(session.account.phone, session.device.id, 'in', stanza);
  switch (stanza.tag) {
    case 'iq':
      await routeIq(ctx, session, stanza);
      return;
    case 'message':
      handleMessageStanza(ctx, session, stanza);
      return;
    case 'receipt':
      handleReceiptStanza(ctx, session, stanza);
      return;
    case 'ack':
      handleAckStanza(ctx, session, stanza);
      return;
    case 'call':
      handleCallStanza(ctx, session, stanza);
      return;
    case 'presence':
      handlePresenceStanza(ctx, session, stanza);
      return;
    case 'chatstate':
      handleChatStateStanza(ctx, session, stanza);
      return;
    default:
      // `ib` (unified_session, offline_batch) and anything else needs no answer.
      return;
  }
}

/** A client that is not linked yet only takes part in pairing. */
async function dispatchUnlinked(
  ctx: EmulatorContext,
  conn: ClientConnection,
  stanza: BinaryNode,
): Promise<void> {
  if (stanza.tag !== 'iq' || stanza.attrs.type === 'result' || stanza.attrs.type === 'error') {
    return;
  }
  const registration = ctx.pairing.forConnection(conn);
  if (registration && getBinaryNodeChild(stanza, 'link_code_companion_reg')) {
    await handleLinkCodeIq(ctx, registration, stanza);
    return;
  }
  conn.send(iqResult(stanza));
}
