/**
 * Test helper: builds a poll vote the way WhatsApp clients send it. Baileys can decrypt votes
 * (`decryptPollVote`) but has no way to send one, so the encryption is its mirror image:
 * the voter's selected option names, SHA-256 hashed, in a PollVoteMessage sealed with AES-GCM
 * under a key derived from the poll's `messageSecret`, the poll id and both JIDs.
 */
import { randomBytes } from 'node:crypto';

import type { WAMessage } from '@whiskeysockets/baileys';
import {
  aesEncryptGCM,
  generateWAMessageFromContent,
  getKeyAuthor,
  hmacSign,
  jidNormalizedUser,
  normalizeMessageContent,
  proto,
  sha256,
} from '@whiskeysockets/baileys';

/**
 * The `pollUpdateMessage` that votes `optionNames` on `poll` (a poll this client received or
 * sent); an empty list withdraws the vote. `userJid` is the voter's own JID.
 */
export function pollVoteMessage(poll: WAMessage, optionNames: string[], userJid: string): WAMessage {
  const content = normalizeMessageContent(poll.message);
  const secret =
    content?.messageContextInfo?.messageSecret ?? poll.message?.messageContextInfo?.messageSecret;
  const pollId = poll.key.id;
  const chat = poll.key.remoteJid;
  if (!secret || !pollId || !chat) {
    throw new Error('not a poll that can be voted on (no id, chat or messageSecret)');
  }
  const voter = jidNormalizedUser(userJid);
  const creator = jidNormalizedUser(getKeyAuthor(poll.key, voter));

  const selection = proto.Message.PollVoteMessage.encode({
    selectedOptions: optionNames.map((name) => sha256(Buffer.from(name))),
  }).finish();
  const sign = Buffer.concat([
    Buffer.from(pollId),
    Buffer.from(creator),
    Buffer.from(voter),
    Buffer.from('Poll Vote'),
    new Uint8Array([1]),
  ]);
  const key = hmacSign(sign, hmacSign(secret, new Uint8Array(32)));
  const encIv = randomBytes(12);
  const encPayload = aesEncryptGCM(selection, key, encIv, Buffer.from(`${pollId}\u0000${voter}`));

  return generateWAMessageFromContent(
    chat,
    {
      pollUpdateMessage: {
        pollCreationMessageKey: {
          remoteJid: chat,
          fromMe: poll.key.fromMe ?? false,
          id: pollId,
          participant: poll.key.participant ?? undefined,
        },
        vote: { encPayload, encIv },
        senderTimestampMs: Date.now(),
      },
    },
    { userJid },
  );
}
