import type { Handlers } from '../../src-shared/contract.js';
import { toJid } from '../../src-shared/jid.js';
import type { Services } from '../services/index.js';
import type { RpcContext } from './context.js';

/** Contact details asked from WhatsApp (issue #26 point 8); the REST adapter is api/routes/contact-details.ts. */
export function contactDetailHandlers({
  sessions,
  messaging,
}: Services): Pick<Handlers<RpcContext>, 'contactDetails.devices'> {
  return {
    'contactDetails.devices': async ({ session, jid }) => {
      sessions.get(session);
      const target = toJid(jid, 'jid');
      const devices = await messaging.contacts.devices(session, target);
      return { jid: target, count: devices.length, devices };
    },
  };
}
