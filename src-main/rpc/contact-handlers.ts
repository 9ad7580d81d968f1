import type { Handlers } from '../../src-shared/contract.js';
import { AppError } from '../../src-shared/errors.js';
import { toJid } from '../../src-shared/jid.js';
import type { Services } from '../services/index.js';
import type { RpcContext } from './context.js';

type ContactOps = 'contacts.list' | 'contacts.check' | 'contacts.profile';

/** A number's contacts: the UI's and REST's (`api/routes/contacts.ts` is their adapter). */
export function contactHandlers({ messaging, sessions }: Services): Pick<Handlers<RpcContext>, ContactOps> {
  const exists = (session: string) => void sessions.get(session);
  return {
    'contacts.list': ({ session, q, limit, cursor }) => {
      exists(session);
      return messaging.contacts.list(session, { q, limit, after: cursor });
    },
    'contacts.check': async ({ session, phones }) => {
      exists(session);
      return { items: await messaging.send.checkNumbers(session, phones) };
    },
    'contacts.profile': async ({ session, jid: given }) => {
      exists(session);
      const jid = toJid(given, 'jid');
      const contact = messaging.contacts.get(session, jid);
      if (!contact) throw new AppError('NOT_FOUND', `no contact "${jid}"`, 'jid');
      const [about, hasPicture] = await Promise.all([
        messaging.contacts.about(session, contact.jid),
        messaging.avatars.exists(session, contact.jid),
      ]);
      // The REST picture route, which answers the same key (the UI asks `contacts.avatarLink`).
      const avatarUrl = hasPicture
        ? `/api/v1/sessions/${session}/contacts/${encodeURIComponent(contact.jid)}/avatar`
        : null;
      return { ...contact, about, avatarUrl };
    },
  };
}
