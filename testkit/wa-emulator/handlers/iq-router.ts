/** Routes client iqs by `xmlns` to the protocol handlers; unknown ones get an empty result. */
import type { BinaryNode } from '@whiskeysockets/baileys';

import type { DeviceSession, EmulatorContext } from '../context.js';
import { handleAppStateIq } from './app-state.js';
import { handleBusinessIq } from './business-profile.js';
import { handleGroupIq } from './groups.js';
import { handleEncryptIq } from './keys.js';
import { emptyResult, handleAbPropsIq, handleMdIq, handleMediaConnIq } from './misc-iq.js';
import { handleMexIq, handleNewsletterIq } from './newsletters.js';
import { handleBlocklistIq, handlePrivacyIq } from './privacy-block.js';
import { handleProfilePictureIq, handleStatusIq } from './profile.js';
import { handleUsyncIq } from './usync.js';

type IqHandler = (ctx: EmulatorContext, session: DeviceSession, iq: BinaryNode) => void | Promise<void>;

const IQ_HANDLERS: Record<string, IqHandler> = {
  'w:p': emptyResult,
  passive: emptyResult,
  encrypt: handleEncryptIq,
  usync: handleUsyncIq,
  'w:m': handleMediaConnIq,
  'w:g2': handleGroupIq,
  md: handleMdIq,
  abt: handleAbPropsIq,
  blocklist: handleBlocklistIq,
  privacy: handlePrivacyIq,
  'w:sync:app:state': handleAppStateIq,
  'w:profile:picture': handleProfilePictureIq,
  status: handleStatusIq,
  'w:biz': handleBusinessIq,
  'w:mex': handleMexIq,
  newsletter: handleNewsletterIq,
};

export async function routeIq(ctx: EmulatorContext, session: DeviceSession, iq: BinaryNode): Promise<void> {
  if (iq.attrs.type === 'result' || iq.attrs.type === 'error') {
    return; // answers to server iqs nobody waits for any more
  }
  const handler = IQ_HANDLERS[iq.attrs.xmlns ?? ''] ?? emptyResult;
  await handler(ctx, session, iq);
}
