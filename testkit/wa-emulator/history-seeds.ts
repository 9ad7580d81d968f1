import type { proto } from '@whiskeysockets/baileys';

export interface SeedText {
  id: string;
  text: string;
  fromMe: boolean;
  /** Unix seconds. */
  timestamp: number;
  pushName?: string;
}

/**
 * A chat the phone holds, as `Emulator.seedHistory` takes it: text messages in the order given,
 * sent to a newly linked device by history sync.
 */
export function textConversation(
  jid: string,
  messages: readonly SeedText[],
  extra: Omit<proto.IConversation, 'id' | 'messages'> = {},
): proto.IConversation {
  return {
    id: jid,
    ...extra,
    messages: messages.map((m) => ({
      message: {
        key: { remoteJid: jid, fromMe: m.fromMe, id: m.id },
        messageTimestamp: m.timestamp,
        ...(m.pushName ? { pushName: m.pushName } : {}),
        message: { conversation: m.text },
      },
    })),
  };
}
