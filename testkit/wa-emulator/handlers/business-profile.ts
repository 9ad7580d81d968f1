/**
 * WhatsApp Business profiles (`xmlns="w:biz"`).
 *
 * - get (Baileys `getBusinessProfile(jid)`):
 *     <iq type="get"><business_profile v="244"><profile jid=JID/></business_profile></iq>
 *   answers `<business_profile><profile jid>` with `description`, `address`, `email`, one
 *   `website` per site, `<categories><category id>`, and `<business_hours timezone>` holding one
 *   `<business_hours_config day_of_week mode [open_time close_time]/>` per day. A personal
 *   account answers an empty `<business_profile/>` (Baileys: undefined).
 * - set (Baileys `updateBussinesProfile`, a delta):
 *     <iq type="set"><business_profile v="3" mutation_type="delta">
 *       <description>…</description><address>…</address><email>…</email><website>…</website>…
 *       <business_hours timezone>…</business_hours></business_profile></iq>
 *   changes only the fields present (websites are replaced as a list when any is sent). A
 *   personal account gets `<error code="403" text="forbidden"/>`.
 *
 * Accounts become business accounts with `Emulator.setBusinessProfile(phone, profile)`.
 */
import type { BinaryNode } from '@whiskeysockets/baileys';
import { getBinaryNodeChild, getBinaryNodeChildren } from '@whiskeysockets/baileys';

import type { BusinessProfileRecord } from '../accounts/types.js';
import { contentText, iqError, iqResult, node } from '../binary.js';
import type { DeviceSession, EmulatorContext } from '../context.js';
import { userJid } from '../jids.js';

export function businessProfileNode(jid: string, profile: BusinessProfileRecord): BinaryNode {
  const text = (tag: string, value: string | undefined) => (value ? [node(tag, {}, value)] : []);
  return node('profile', { jid }, [
    ...text('address', profile.address),
    node('description', {}, profile.description),
    ...profile.websites.map((site) => node('website', {}, site)),
    ...text('email', profile.email),
    ...(profile.category ? [node('categories', {}, [node('category', { id: '1' }, profile.category)])] : []),
    ...(profile.hours
      ? [
          node(
            'business_hours',
            { timezone: profile.hours.timezone },
            profile.hours.days.map((day) => node('business_hours_config', day)),
          ),
        ]
      : []),
  ]);
}

export function handleBusinessIq(ctx: EmulatorContext, session: DeviceSession, iq: BinaryNode): void {
  const request = getBinaryNodeChild(iq, 'business_profile');
  if (iq.attrs.type === 'set') {
    const business = session.account.business;
    if (!business || !request) {
      session.conn.send(iqError(iq, 403, 'forbidden'));
      return;
    }
    applyDelta(business, request);
    ctx.store.changed();
    session.conn.send(iqResult(iq));
    return;
  }
  const profiles = getBinaryNodeChildren(request, 'profile').flatMap((asked) => {
    const account = ctx.store.resolve(asked.attrs.jid)?.account;
    return account?.business ? [businessProfileNode(userJid(account.phone), account.business)] : [];
  });
  session.conn.send(iqResult(iq, [node('business_profile', {}, profiles)]));
}

function applyDelta(business: BusinessProfileRecord, request: BinaryNode): void {
  for (const field of ['description', 'address', 'email'] as const) {
    const child = getBinaryNodeChild(request, field);
    if (child) {
      const value = contentText(child) ?? '';
      if (field === 'description') business.description = value;
      else business[field] = value || undefined;
    }
  }
  const websites = getBinaryNodeChildren(request, 'website');
  if (websites.length) business.websites = websites.map((site) => contentText(site) ?? '').filter(Boolean);
  const hours = getBinaryNodeChild(request, 'business_hours');
  if (hours) {
    business.hours = {
      timezone: hours.attrs.timezone ?? 'UTC',
      days: getBinaryNodeChildren(hours, 'business_hours_config').map((day) => ({ ...day.attrs })),
    };
  }
}
