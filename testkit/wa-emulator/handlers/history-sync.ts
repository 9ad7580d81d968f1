/**
 * History sync push: right after a newly linked device's first login, its "phone" (device 0)
 * sends it an encrypted `protocolMessage{HISTORY_SYNC_NOTIFICATION}`. The deflated `HistorySync`
 * is uploaded to the emulator's media host as an encrypted blob (media keys with the
 * "WhatsApp History Keys" HKDF info; `mediaKey`, hashes and `directPath` in the notification),
 * AND carried inline (`initialHistBootstrapInlinePayload`; companions announce
 * `inlineInitialPayloadInE2EeMsg`). Baileys uses the inline copy: the notification has no URL
 * field, so it would fetch the blob from the hard-coded mmg.whatsapp.net — unreachable here.
 *
 * Why it matters: on its first connection, a Baileys client that processes history waits up to
 * 20 s for this notification while buffering every event. Receiving it (then answering the
 * app-state resync with empty collections) lets the client go online at once. The blob carries
 * the PN↔LID mappings and push names of all accounts plus whatever was seeded with
 * `seedHistory(phone, …)`, so apps can test history ingestion.
 *
 * The phone (phone/primary-phone.ts, whose Signal identity is the account identity key) sets the
 * session up from the device's registration bundle (identity + signed pre-key) and keeps it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { deflate } from 'node:zlib';

import { aesEncrypWithIV, encodeWAMessage, getMediaKeys, hmacSign, proto } from '@whiskeysockets/baileys';

import { node } from '../binary.js';
import type { DeviceSession, EmulatorContext } from '../context.js';
import { deviceJid, unixNow, userJid } from '../jids.js';

const deflateAsync = promisify(deflate);

/** What a newly linked device of a phone should find in its history. */
export interface HistorySeed {
  conversations?: proto.IConversation[];
  pushnames?: proto.IPushname[];
}

export async function pushHistorySync(ctx: EmulatorContext, session: DeviceSession): Promise<void> {
  const { account, device } = session;
  const seed = ctx.historySeeds.get(account.phone) ?? {};
  const history = proto.HistorySync.encode({
    syncType: proto.HistorySync.HistorySyncType.INITIAL_BOOTSTRAP,
    conversations: seed.conversations ?? [],
    pushnames: [
      ...ctx.store.accounts().map((other) => ({ id: userJid(other.phone), pushname: other.name })),
      ...(seed.pushnames ?? []),
    ],
    phoneNumberToLidMappings: ctx.store
      .accounts()
      .map((other) => ({ pnJid: userJid(other.phone), lidJid: userJid(other.lid, 'lid') })),
    chunkOrder: 0,
    progress: 100,
  }).finish();
  const deflated = Buffer.from(await deflateAsync(history));
  const blob = await encryptHistoryBlob(deflated);
  const stored = ctx.media.put(blob.file);
  const message: proto.IMessage = {
    protocolMessage: {
      type: proto.Message.ProtocolMessage.Type.HISTORY_SYNC_NOTIFICATION,
      historySyncNotification: {
        initialHistBootstrapInlinePayload: deflated,
        fileSha256: blob.fileSha256,
        fileLength: blob.fileLength,
        mediaKey: blob.mediaKey,
        fileEncSha256: blob.fileEncSha256,
        directPath: stored.directPath,
        syncType: proto.Message.HistorySyncType.INITIAL_BOOTSTRAP,
        chunkOrder: 0,
        progress: 100,
      },
    },
  };
  // Sent by the account's phone (phone/primary-phone.ts), which keeps the session it opens.
  const enc = await ctx.phones
    .of(account)
    .encryptFor(deviceJid(account.lid, device.id, 'lid'), device, encodeWAMessage(message));
  ctx.hub.deliver(
    account,
    device.id,
    node(
      'message',
      {
        from: userJid(account.phone),
        id: `3EB0${randomBytes(9).toString('hex').toUpperCase()}`,
        t: String(unixNow()),
        type: 'text',
        category: 'peer',
      },
      [enc],
    ),
  );
}

interface EncryptedBlob {
  file: Buffer;
  mediaKey: Buffer;
  fileSha256: Buffer;
  fileEncSha256: Buffer;
  fileLength: number;
}

/** WhatsApp media encryption: AES-256-CBC + 10-byte HMAC-SHA256 tag, keys from HKDF(mediaKey). */
async function encryptHistoryBlob(plaintext: Buffer): Promise<EncryptedBlob> {
  const mediaKey = randomBytes(32);
  const { iv, cipherKey, macKey } = await getMediaKeys(mediaKey, 'md-msg-hist');
  const encrypted = aesEncrypWithIV(plaintext, Buffer.from(cipherKey), Buffer.from(iv));
  const mac = hmacSign(Buffer.concat([iv, encrypted]), Buffer.from(macKey!)).subarray(0, 10);
  const file = Buffer.concat([encrypted, mac]);
  const sha = (bytes: Buffer): Buffer => createHash('sha256').update(bytes).digest();
  return {
    file,
    mediaKey,
    fileSha256: sha(plaintext),
    fileEncSha256: sha(file),
    fileLength: plaintext.length,
  };
}
