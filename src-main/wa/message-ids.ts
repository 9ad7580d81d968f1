import { createHash, randomBytes } from 'node:crypto';

/**
 * A fresh WhatsApp message id in WhatsApp Web's format ("3EB0" + 18 hex digits), as Baileys'
 * `generateMessageIDV2` makes it: a hash of the time, our own user and 16 random bytes. Local,
 * because ids are needed without a connected session (a send queued for later, a paced group
 * send) and so without the lazily loaded WhatsApp layer (`lazy-layer.ts`).
 */
export function newMessageId(ownJid?: string | null): string {
  const data = Buffer.alloc(8 + 20 + 16);
  data.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 1000)));
  // The user part of "user[_agent][:device]@server", as Baileys' jidDecode reads it.
  const user = ownJid?.includes('@') ? ownJid.slice(0, ownJid.indexOf('@')).split(':')[0]?.split('_')[0] : '';
  if (user) {
    data.write(user, 8);
    data.write('@c.us', 8 + user.length);
  }
  randomBytes(16).copy(data, 28);
  return '3EB0' + createHash('sha256').update(data).digest('hex').toUpperCase().substring(0, 18);
}
