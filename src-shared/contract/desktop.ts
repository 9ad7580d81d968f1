/**
 * The desktop window's "who is using this PC" switcher (issue #15). With the people setting
 * `askWhoIsUsingThisPc` on, the window starts locked (principal `locked-desktop`): it may call only
 * these operations until a person gives their PIN or password, and then acts as that person (their
 * rights, their name on messages and in the audit log) until Lock. Only the desktop window may
 * call them; a browser or an API key gets 403.
 */
import { z } from 'zod';
import { op } from './operation.js';
import type { Access } from '../access.js';
import { USER_ROLES } from './people.js';

/** Someone the switcher offers: enabled people with a PIN or a password. */
export const desktopPersonSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.enum(USER_ROLES),
    hasPin: z.boolean().describe('The switcher asks for the PIN (else the password)'),
  })
  .meta({ id: 'DesktopPerson' });
export type DesktopPerson = z.infer<typeof desktopPersonSchema>;

export const desktopStateSchema = z
  .object({
    /** `owner`: the switcher is off, the window is the PC owner's; `locked`: nobody is chosen. */
    mode: z.enum(['owner', 'locked', 'person']),
    person: desktopPersonSchema.nullable().describe('Who is using the window now (mode "person")'),
    people: z.array(desktopPersonSchema).describe('Whom the switcher offers (only while it is on)'),
  })
  .meta({ id: 'DesktopState' });
export type DesktopState = z.infer<typeof desktopStateSchema>;

export const desktopSwitchInput = z
  .strictObject({
    userId: z.string().min(1, 'is required').max(200),
    secret: z.string().min(1, 'is required').max(256).describe('Their PIN, or their password'),
  })
  .meta({ id: 'DesktopSwitch', example: { userId: 'usr_1', secret: '4821' } });

/**
 * The desktop window itself (even locked) and the person seated at it: the authorizer refuses
 * every other caller (`desktopOnly`), so neither a browser nor an API key can move the desktop's
 * seat, and these are all the locked window may run.
 */
const DESKTOP_WINDOW = {
  scope: ['messages:read', 'messages:send', 'sessions:manage', 'webhooks:manage', 'widgets:manage'],
  sessionKeys: false,
  people: 'self',
  desktopOnly: true,
} as const satisfies Access;

export const desktopOperations = {
  'desktop.state': op<DesktopState>()(z.strictObject({}), DESKTOP_WINDOW),
  /** Rate-limited like sign-in (per person and per PC); audited (`desktop.switch`, `desktop.switch_failed`). */
  'desktop.switch': op<DesktopState>()(desktopSwitchInput, DESKTOP_WINDOW),
  /** Back to the switcher; audited (`desktop.lock`). */
  'desktop.lock': op<DesktopState>()(z.strictObject({}), DESKTOP_WINDOW),
};
